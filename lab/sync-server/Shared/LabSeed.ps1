# Builds the initial lab state from the real Contoso export (seed/contoso-sync-config) plus the generated lab forest.

function ConvertFrom-LabExportTime([string]$Value) {
    if ([string]::IsNullOrWhiteSpace($Value)) { return $null }
    $styles = [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal
    ConvertTo-LabIso ([datetime]::ParseExact($Value.Trim(), 'yyyy-MM-dd HH:mm:ss.fff', $script:LabInvariant, $styles))
}

function ConvertFrom-LabBraceGuid([string]$Value) {
    if ([string]::IsNullOrWhiteSpace($Value)) { return $null }
    ([guid]$Value.Trim()).ToString()
}

function Get-LabNodeText($Node, [string]$XPath) {
    $found = $Node.SelectSingleNode($XPath)
    if ($null -eq $found) { return $null }
    $found.InnerText
}

function ConvertFrom-LabParameterNode($Node) {
    $value = if ($Node.IsEmpty -or $Node.InnerText -eq '') { $null } else { $Node.InnerText }
    [ordered]@{
        name      = $Node.GetAttribute('name')
        inputType = $Node.GetAttribute('type')
        scope     = $Node.GetAttribute('use')
        dataType  = $Node.GetAttribute('dataType')
        intrinsic = $Node.GetAttribute('intrinsic') -eq '1'
        encrypted = $Node.GetAttribute('encrypted') -eq '1'
        value     = $value
    }
}

function Read-LabSeedConnector([string]$Path) {
    $text = [System.IO.File]::ReadAllText($Path)
    # The schema is most of the file and not needed for the state; the export copies the seed file itself.
    $start = $text.IndexOf('<schema>')
    $end = $text.IndexOf('</schema>')
    if ($start -ge 0 -and $end -gt $start) { $text = $text.Substring(0, $start) + $text.Substring($end + '</schema>'.Length) }
    $xml = [xml]$text
    $ma = $xml.SelectSingleNode('/ma-data')
    $parameters = @($ma.SelectNodes('private-configuration//parameter-values/parameter') | ForEach-Object { ConvertFrom-LabParameterNode $_ })
    $partitions = foreach ($node in $ma.SelectNodes('ma-partition-data/partition')) {
        [ordered]@{
            identifier             = ConvertFrom-LabBraceGuid (Get-LabNodeText $node 'id')
            dn                     = Get-LabNodeText $node 'name'
            name                   = Get-LabNodeText $node 'display-name'
            version                = [int](Get-LabNodeText $node 'version')
            creationTime           = ConvertFrom-LabExportTime (Get-LabNodeText $node 'creation-time')
            lastModificationTime   = ConvertFrom-LabExportTime (Get-LabNodeText $node 'last-modification-time')
            selected               = (Get-LabNodeText $node 'selected') -eq '1'
            isDomain               = (Get-LabNodeText $node 'custom-data/*/is-domain') -eq '1'
            objectClasses          = @($node.SelectNodes('filter/object-classes/object-class') | ForEach-Object { $_.InnerText })
            containerInclusionList = @($node.SelectNodes('filter/containers/inclusions/inclusion') | ForEach-Object { $_.InnerText } | Where-Object { $_ })
            containerExclusionList = @($node.SelectNodes('filter/containers/exclusions/exclusion') | ForEach-Object { $_.InnerText } | Where-Object { $_ })
            parameters             = @($node.SelectNodes('parameter-values/parameter') | ForEach-Object { ConvertFrom-LabParameterNode $_ })
        }
    }
    $runProfiles = foreach ($node in $ma.SelectNodes('ma-run-data/run-configuration')) {
        [ordered]@{
            identifier = ConvertFrom-LabBraceGuid (Get-LabNodeText $node 'id')
            name       = Get-LabNodeText $node 'name'
            stepType   = $node.SelectSingleNode('configuration/step/step-type').GetAttribute('type')
        }
    }
    $category = Get-LabNodeText $ma 'category'
    [ordered]@{
        identifier             = ConvertFrom-LabBraceGuid (Get-LabNodeText $ma 'id')
        name                   = Get-LabNodeText $ma 'name'
        type                   = $category
        subtype                = Get-LabNodeText $ma 'subtype'
        listName               = Get-LabNodeText $ma 'ma-listname'
        companyName            = Get-LabNodeText $ma 'ma-companyname'
        description            = Get-LabNodeText $ma 'description'
        version                = [int](Get-LabNodeText $ma 'version')
        internalVersion        = [int](Get-LabNodeText $ma 'internal-version')
        formatVersion          = [int](Get-LabNodeText $ma 'format-version')
        creationTime           = ConvertFrom-LabExportTime (Get-LabNodeText $ma 'creation-time')
        lastModificationTime   = ConvertFrom-LabExportTime (Get-LabNodeText $ma 'last-modification-time')
        connectivityParameters = @($parameters | Where-Object { $_.scope -eq 'connectivity' })
        globalParameters       = @($parameters | Where-Object { $_.scope -eq 'global' })
        attributeInclusionList = @($ma.SelectNodes('attribute-inclusion/attribute') | ForEach-Object { $_.InnerText })
        partitions             = @($partitions)
        runProfiles            = @($runProfiles)
        passwordHashSyncEnabled = (Get-LabNodeText $ma 'private-configuration/adma-configuration/password-hash-sync-config/enabled') -eq '1'
        passwordHashSyncTarget = ConvertFrom-LabBraceGuid (Get-LabNodeText $ma 'private-configuration/adma-configuration/password-hash-sync-config/target')
        passwordReset          = Read-LabSeedPasswordReset $ma
        seedFile               = [System.IO.Path]::GetFileName($Path)
    }
}

# The Azure AD connector's password writeback (aad-password-reset-config). A configuration that was ever
# saved (it has a modified-timestamp) counts as onboarded to the tenant: enabling it again needs no credential.
function Read-LabSeedPasswordReset($Ma) {
    $config = $Ma.SelectSingleNode('private-configuration//aad-password-reset-config')
    if ($null -eq $config) { return $null }
    $modified = ConvertFrom-LabExportTime (Get-LabNodeText $config 'modified-timestamp')
    [ordered]@{ enabled = (Get-LabNodeText $config 'enabled') -eq '1'; modifiedTimestamp = $modified; onboarded = $null -ne $modified }
}

function Read-LabSeedGlobalSettings([string]$Path) {
    $xml = [xml][System.IO.File]::ReadAllText($Path)
    $mv = $xml.SelectSingleNode('/saved-mv-configuration')
    [ordered]@{
        server     = $mv.GetAttribute('server')
        version    = [int](Get-LabNodeText $mv 'mv-data/version')
        parameters = @($mv.SelectNodes('mv-data/parameter-values/parameter') | ForEach-Object { ConvertFrom-LabParameterNode $_ })
    }
}

function Read-LabSeedRule([string]$Path) {
    $xml = [xml][System.IO.File]::ReadAllText($Path)
    $rule = $xml.SelectSingleNode('/synchronizationRule')
    $scopeGroups = foreach ($conditions in $rule.SelectNodes('synchronizationCriteria/conditions')) {
        , @($conditions.SelectNodes('scope') | ForEach-Object {
                [ordered]@{ attribute = Get-LabNodeText $_ 'csAttribute'; operator = Get-LabNodeText $_ 'csOperator'; value = Get-LabNodeText $_ 'csValue' }
            })
    }
    $joinGroups = foreach ($conditions in $rule.SelectNodes('relationshipCriteria/conditions')) {
        , @($conditions.SelectNodes('condition') | ForEach-Object {
                [ordered]@{ csAttribute = Get-LabNodeText $_ 'csAttribute'; mvAttribute = Get-LabNodeText $_ 'ilmAttribute'; caseSensitive = (Get-LabNodeText $_ 'caseSensitive') -eq 'true' }
            })
    }
    $mappings = foreach ($mapping in $rule.SelectNodes('attribute-mappings/mapping')) {
        $expression = Get-LabNodeText $mapping 'expression'
        $sources = @($mapping.SelectNodes('src/attr') | ForEach-Object { $_.InnerText })
        [ordered]@{
            destination    = Get-LabNodeText $mapping 'dest'
            source         = $sources
            expression     = $expression
            flowType       = if ($expression) { 'Expression' } elseif ($sources.Count -gt 0) { 'Direct' } else { 'Constant' }
            valueMergeType = Get-LabNodeText $mapping 'valueMergeType'
            executeOnce    = (Get-LabNodeText $mapping 'executeOnce') -eq 'true'
            constant       = Get-LabNodeText $mapping 'src/constant'
        }
    }
    [ordered]@{
        identifier               = ConvertFrom-LabBraceGuid (Get-LabNodeText $rule 'id')
        internalId               = ConvertFrom-LabBraceGuid (Get-LabNodeText $rule 'internal-id')
        name                     = Get-LabNodeText $rule 'name'
        version                  = [int](Get-LabNodeText $rule 'version')
        description              = Get-LabNodeText $rule 'description'
        immutableTag             = Get-LabNodeText $rule 'immutable-tag'
        connector                = ConvertFrom-LabBraceGuid (Get-LabNodeText $rule 'connector')
        direction                = Get-LabNodeText $rule 'direction'
        disabled                 = (Get-LabNodeText $rule 'disabled') -eq 'True'
        sourceObjectType         = Get-LabNodeText $rule 'sourceObjectType'
        targetObjectType         = Get-LabNodeText $rule 'targetObjectType'
        precedence               = [int](Get-LabNodeText $rule 'precedence')
        precedenceAfter          = ConvertFrom-LabBraceGuid (Get-LabNodeText $rule 'precedence-after')
        precedenceBefore         = ConvertFrom-LabBraceGuid (Get-LabNodeText $rule 'precedence-before')
        linkType                 = Get-LabNodeText $rule 'linkType'
        enablePasswordSync       = (Get-LabNodeText $rule 'EnablePasswordSync') -eq 'true'
        softDeleteExpiryInterval = Get-LabNodeText $rule 'softDeleteExpiryInterval'
        scopeFilter              = @($scopeGroups)
        joinFilter               = @($joinGroups)
        attributeFlowMappings    = @($mappings)
        seedFile                 = [System.IO.Path]::GetFileName($Path)
    }
}

$script:LabProfiles = @('contoso', 'contoso-current')

# The profile a new lab folder is seeded with: ADSYNC_LAB_PROFILE, default contoso. A folder keeps its profile.
function Get-LabSeedProfile {
    $name = $env:ADSYNC_LAB_PROFILE
    if ([string]::IsNullOrWhiteSpace($name)) { return 'contoso' }
    if ($script:LabProfiles -notcontains $name) {
        throw [System.ArgumentException]::new("Unknown lab profile '$name' (ADSYNC_LAB_PROFILE). The lab sync server has the profiles $($script:LabProfiles -join ' and ').")
    }
    $name
}

function New-LabPastCycles($State, [datetime]$Now) {
    foreach ($minutesAgo in 65, 35, 5) {
        $start = $Now.AddMinutes(-$minutesAgo)
        Start-LabCycle -State $State -PolicyType 'Delta' -StartUtc $start -Seconds 6 | Out-Null
        Complete-LabCycle -State $State -Now $start.AddSeconds(6)
        Complete-LabPendingExport -State $State -Now $start.AddSeconds(6)
    }
}

function Set-LabPartitionFilter($Partition, $Filter) {
    $Partition.containerInclusionList = @($Filter.Inclusions)
    $Partition.containerExclusionList = @($Filter.Exclusions)
}

# contoso-current: a standby 2.x server. The active server exported with the narrower previous filter; since
# then this server's filter took in the whole domain, six titles changed in AD and four users were deleted,
# so its cycles report adds and updates and its Azure AD connector holds exports it does not send.
function Set-LabCurrentProfile($State, [datetime]$Now) {
    $data = Import-PowerShellDataFile -LiteralPath (Join-Path (Split-Path -Parent (Get-LabSeedFolder)) 'contoso-current/profile.psd1')
    $State.globalSettings.version = [int]$data.GlobalSettingsVersion
    $State.globalSettings.sqlSchemaVersion = [int]$data.SqlSchemaVersion
    $State.globalSettings.parameters = @($data.GlobalSettings | ForEach-Object {
            [ordered]@{ name = $_[0]; inputType = 'string'; scope = 'SynchronizationGlobal'; dataType = 'String'; intrinsic = $false; encrypted = $false; value = if ($_[1] -eq '') { $null } else { $_[1] } }
        })
    foreach ($key in @($data.CompanyFeatures.Keys)) { $State.companyFeatures[$key] = [bool]$data.CompanyFeatures[$key] }
    $ad = @(Get-LabAdConnector $State)[0]
    $aad = @($State.connectors | Where-Object { $_.type -ne 'AD' })[0]
    $ad.passwordHashSyncEnabled = [bool]$data.PasswordHashSyncEnabled
    $aad.passwordReset = [ordered]@{ enabled = [bool]$data.PasswordReset.enabled; modifiedTimestamp = $data.PasswordReset.modifiedTimestamp; onboarded = [bool]$data.PasswordReset.onboarded }
    $partition = @($ad.partitions)[0]

    Set-LabPartitionFilter $partition $data.PreviousFilter
    Set-LabSteadyState $State
    $users = @($State.forest.users | Where-Object { $_.givenName })
    foreach ($index in $data.ChangedTitleUsers) {
        $user = $users[$index]
        $user.title = "Senior $($user.title)"
    }
    foreach ($name in $data.DeletedCloudUsers) {
        $sam = $name.Replace(' ', '.').ToLowerInvariant()
        $gone = New-LabUser -Index (9100 + [array]::IndexOf($data.DeletedCloudUsers, $name)) -GivenName $name.Split(' ')[0] -Surname $name.Split(' ')[1] -Sam $sam -Ou "OU=Users,OU=CORP,DC=contoso,DC=com" -Department 'Sales' -Title 'Account Executive' -Place $null -Rid 0
        $State.cloud.users = @($State.cloud.users) + @(ConvertTo-LabCloudUser $gone)
    }
    Set-LabPartitionFilter $partition $data.PartitionFilter
    # The last import saw the titles as they were then; the seeded cycles pick up what changed.
    foreach ($index in $data.ChangedTitleUsers) { $State.connectorSpace[$ad.identifier][$users[$index].objectGuid] = 'stale' }
}

function New-LabSeedState([datetime]$Now, [string]$Profile = (Get-LabSeedProfile)) {
    $seed = Get-LabSeedFolder
    $connectors = @(Get-ChildItem -LiteralPath (Join-Path $seed 'Connectors') -Filter '*.xml' | Sort-Object Name | ForEach-Object { Read-LabSeedConnector $_.FullName })
    $settings = Read-LabSeedGlobalSettings (Join-Path $seed 'GlobalSettings/MV.xml')
    $rules = @(Get-ChildItem -LiteralPath (Join-Path $seed 'SynchronizationRules') -Filter '*.xml' | ForEach-Object { Read-LabSeedRule $_.FullName } | Sort-Object { $_.precedence })
    $interval = [timespan]::FromMinutes(30)
    $state = [ordered]@{
        schemaVersion  = 1
        profile        = $Profile
        seededAtUtc    = ConvertTo-LabIso $Now
        server         = [ordered]@{ machineName = $settings.server; serviceAccount = 'NT SERVICE\ADSync'; localAccounts = @('Administrator', 'Guest', 'labadmin', 'DefaultAccount') }
        scheduler      = [ordered]@{
            allowedSyncCycleInterval    = '00:30:00'
            customizedSyncCycleInterval = $null
            nextSyncCyclePolicyType     = 'Delta'
            nextSyncCycleStartTimeInUtc = ConvertTo-LabIso ($Now.AddMinutes(25))
            purgeRunHistoryInterval     = '7.00:00:00'
            syncCycleEnabled            = $true
            maintenanceEnabled          = $true
            schedulerSuspended          = $false
        }
        globalSettings = [ordered]@{ version = $settings.version; sqlSchemaVersion = 616; instanceId = (New-LabStableGuid 'lab-instance:contoso').ToString(); parameters = $settings.parameters }
        companyFeatures = [ordered]@{ passwordHashSync = $false; forcePasswordChangeOnLogOn = $false; userWriteback = $false; deviceWriteback = $false; unifiedGroupWriteback = $false; groupWritebackV2 = $false }
        connectors     = $connectors
        rules          = $rules
        database       = [ordered]@{ installedLocalDb = $true; sqlServerName = '(localdb)'; sqlServerInstanceName = '.\ADSync2019'; sqlServerDBName = 'ADSync' }
        localGroups    = [ordered]@{
            ADSyncAdmins      = @([ordered]@{ name = 'CONTOSO\Administrator'; sid = "$script:LabDomainSid-500"; objectClass = 'User'; principalSource = 'ActiveDirectory' })
            ADSyncOperators   = @()
            ADSyncBrowse      = @()
            ADSyncPasswordSet = @()
        }
        forest         = New-LabContosoForest
        runHistory     = @()
        nextRunNumber  = 1
        connectorSpace = [ordered]@{}
        cycle          = $null
        lastCycle      = $null
        cloud          = [ordered]@{ lastExportTimeUtc = $null; users = @(); pendingExport = $null }
    }
    # A few past delta cycles, the last one 5 minutes ago. contoso: in a steady state, the cloud holds what it
    # exported. contoso-current: a standby server whose cycles picked up changes it does not export.
    if ($Profile -eq 'contoso-current') { Set-LabCurrentProfile $state $Now } else { Set-LabSteadyState $state }
    New-LabPastCycles $state $Now
    $state.scheduler.nextSyncCycleStartTimeInUtc = ConvertTo-LabIso ($Now.AddMinutes(-5).Add($interval))
    $state
}
