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
        seedFile               = [System.IO.Path]::GetFileName($Path)
    }
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

function New-LabSeedState([datetime]$Now) {
    $seed = Get-LabSeedFolder
    $connectors = @(Get-ChildItem -LiteralPath (Join-Path $seed 'Connectors') -Filter '*.xml' | Sort-Object Name | ForEach-Object { Read-LabSeedConnector $_.FullName })
    $settings = Read-LabSeedGlobalSettings (Join-Path $seed 'GlobalSettings/MV.xml')
    $rules = @(Get-ChildItem -LiteralPath (Join-Path $seed 'SynchronizationRules') -Filter '*.xml' | ForEach-Object { Read-LabSeedRule $_.FullName } | Sort-Object { $_.precedence })
    $interval = [timespan]::FromMinutes(30)
    $state = [ordered]@{
        schemaVersion  = 1
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
    # A few past delta cycles in a steady state, the last one 5 minutes ago; the cloud holds what it exported.
    Set-LabSteadyState $state
    foreach ($minutesAgo in 65, 35, 5) {
        $start = $Now.AddMinutes(-$minutesAgo)
        Start-LabCycle -State $state -PolicyType 'Delta' -StartUtc $start -Seconds 6 | Out-Null
        Complete-LabCycle -State $state -Now $start.AddSeconds(6)
        Complete-LabPendingExport -State $state -Now $start.AddSeconds(6)
    }
    $state.scheduler.nextSyncCycleStartTimeInUtc = ConvertTo-LabIso ($Now.AddMinutes(-5).Add($interval))
    $state
}
