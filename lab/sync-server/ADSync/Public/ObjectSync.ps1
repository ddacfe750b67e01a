# Connector space and metaverse objects (Get-ADSyncCSObject, Get-ADSyncMVObject), a user's password sync
# log (Get-ADSyncCSObjectLog) and the partitions' password sync state (Get-ADSyncPartitionPasswordSyncState).
# Shapes: shared/reference/real-server-tasks.md §5.1-§5.2, adsync-powershell.md §5.3 and §14; what the lab
# derives and what it had to choose: lab/README.md, "Objects".
#
# The objects are derived from the state: an AD connector-space object for each user the last import saw
# (state.connectorSpace), a metaverse object joined to it, and an Azure AD connector-space object for each
# metaverse object that is not cloudFiltered, exported (cloudAnchor set) when the cloud holds the user.

$script:LabCsObjectType = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.CsObject'
$script:LabMvObjectType = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.MvObject'

# Graph's id of a synchronized user, as the lab tenant makes it (nameBasedId in lab/tenant/graph/directory.ts).
function Get-LabCloudObjectId([string]$ImmutableId) {
    $hash = [System.Security.Cryptography.SHA1]::HashData([System.Text.Encoding]::UTF8.GetBytes("lab-tenant/user/$ImmutableId"))
    $hash[6] = ($hash[6] -band 0x0f) -bor 0x50
    $hash[8] = ($hash[8] -band 0x3f) -bor 0x80
    $hex = -join ($hash[0..15] | ForEach-Object { $_.ToString('x2') })
    "$($hex.Substring(0, 8))-$($hex.Substring(8, 4))-$($hex.Substring(12, 4))-$($hex.Substring(16, 4))-$($hex.Substring(20, 12))"
}

function Get-LabProxyAddresses($User, $State) {
    if ($null -ne $User['proxyAddresses']) { return @($User.proxyAddresses) }
    $addresses = @()
    if ($User.mail) { $addresses += "SMTP:$($User.mail)" }
    $errorUser = Get-LabErrorUser $State
    if ($errorUser -and $errorUser.objectGuid -eq $User.objectGuid) { $addresses += $script:LabTakenProxyAddress }
    $addresses
}

function New-LabCsAttribute([string]$Name, [object[]]$Values, [string]$RuleName, [string]$ConnectorName, [datetime]$Modified, [int]$Type = 0) {
    $kept = [System.Collections.Generic.List[object]]::new()
    foreach ($value in $Values) { if ($null -ne $value -and '' -ne $value) { $kept.Add($value) } }
    [pscustomobject]@{
        PSTypeName           = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.Attribute'
        Name                 = $Name
        Type                 = $Type
        IsMultiValued        = $Name -eq 'proxyAddresses'
        SyncRuleName         = $RuleName
        ConnectorName        = $ConnectorName
        LineageId            = (New-LabStableGuid "lab-lineage:$RuleName").ToString()
        LastModificationTime = $Modified
        Values               = $kept
    }
}

function New-LabAttributeCollection([object[]]$Attributes) {
    $collection = [LabAttributeKeyedCollection]::new()
    foreach ($attribute in $Attributes) { if ($attribute.Values.Count -gt 0) { $collection.Add($attribute) } }
    , $collection
}

# Everything the lab knows about one user's path from AD to Azure AD.
function Get-LabObjectPath($State, $User) {
    $ad = @(Get-LabAdConnector $State)[0]
    $aad = @($State.connectors | Where-Object { $_.type -ne 'AD' })[0]
    $space = $State.connectorSpace[$ad.identifier]
    $imported = $null -ne $space -and $space.Contains($User.objectGuid)
    $immutableId = Get-LabImmutableId $User.objectGuid
    $cloud = @($State.cloud.users | Where-Object { $_.objectGuid -eq $User.objectGuid })[0]
    $errorUser = Get-LabErrorUser $State
    [ordered]@{
        User         = $User
        Ad           = $ad
        Aad          = $aad
        Imported     = $imported
        Filtered     = Test-LabCloudFiltered $User
        ImmutableId  = $immutableId
        Cloud        = $cloud
        InError      = $null -ne $errorUser -and $errorUser.objectGuid -eq $User.objectGuid
        AdCsId       = (New-LabStableGuid "lab-cs:$($ad.identifier):$($User.objectGuid)")
        AadCsId      = (New-LabStableGuid "lab-cs:$($aad.identifier):$($User.objectGuid)")
        MvId         = (New-LabStableGuid "lab-mv:$($User.objectGuid)")
        Modified     = if ($State.lastCycle -and $State.lastCycle.endedAtUtc) { ConvertFrom-LabIso $State.lastCycle.endedAtUtc } else { (Get-LabNow).AddMinutes(-5) }
    }
}

function New-LabCsObject($Path, [bool]$Cloud) {
    $user = $Path.User
    $connector = if ($Cloud) { $Path.Aad } else { $Path.Ad }
    $partition = if ($Cloud) { @($connector.partitions)[0] } else { Find-LabPartitionForDn $script:LabObjectState $user.distinguishedName }
    $modified = $Path.Modified
    $exportError = $null
    if ($Cloud -and $Path.InError) {
        $first = $modified.AddDays(-2)
        $duplicate = Get-LabDuplicateProxyError
        $exportError = [pscustomobject]@{
            PSTypeName        = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ExportError'
            RetryCount        = $duplicate.RetryCount
            InitialOccurrence = $first
            LatestOccurrence  = $modified
            ErrorType         = $duplicate.ErrorType
            ErrorName         = $duplicate.ErrorType
            ErrorCode         = $duplicate.ErrorCode
            ErrorLiteral      = $duplicate.ErrorLiteral
            ErrorExtraDetails = $duplicate.ErrorExtraDetails
        }
    }
    $rule = if ($Cloud) { 'Out to AAD - User Join' } else { 'In from AD - User Join' }
    $proxy = Get-LabProxyAddresses $user $script:LabObjectState
    $attributes = if ($Cloud) {
        $exported = $null -ne $Path.Cloud
        @(
            (New-LabCsAttribute 'accountEnabled' @([bool]$user.enabled) $rule $connector.name $modified 2),
            (New-LabCsAttribute 'cloudAnchor' @($(if ($exported) { 'User_' + (Get-LabCloudObjectId $Path.ImmutableId) })) $rule $connector.name $modified),
            (New-LabCsAttribute 'displayName' @($user.displayName) $rule $connector.name $modified),
            (New-LabCsAttribute 'mail' @($user.mail) $rule $connector.name $modified),
            (New-LabCsAttribute 'proxyAddresses' $proxy $rule $connector.name $modified),
            (New-LabCsAttribute 'sourceAnchor' @($Path.ImmutableId) $rule $connector.name $modified),
            (New-LabCsAttribute 'userPrincipalName' @($user.userPrincipalName) $rule $connector.name $modified)
        )
    }
    else {
        @(
            (New-LabCsAttribute 'displayName' @($user.displayName) $null $connector.name $modified),
            (New-LabCsAttribute 'mail' @($user.mail) $null $connector.name $modified),
            (New-LabCsAttribute 'objectGUID' @($Path.ImmutableId) $null $connector.name $modified 1),
            (New-LabCsAttribute 'proxyAddresses' $proxy $null $connector.name $modified),
            (New-LabCsAttribute 'sAMAccountName' @($user.samAccountName) $null $connector.name $modified),
            (New-LabCsAttribute 'userPrincipalName' @($user.userPrincipalName) $null $connector.name $modified)
        )
    }
    $lineage = if ($Cloud) { @([pscustomobject]@{ SyncRuleInternalId = (New-LabStableGuid "lab-rule:$rule"); SyncRuleName = $rule; Operation = 'Provision' }) }
    else { @([pscustomobject]@{ SyncRuleInternalId = (New-LabStableGuid "lab-rule:$rule"); SyncRuleName = $rule; Operation = 'Join' }) }
    $object = [pscustomobject][ordered]@{
        ObjectId                    = if ($Cloud) { $Path.AadCsId } else { $Path.AdCsId }
        ConnectorId                 = [guid]$connector.identifier
        ConnectorName               = $connector.name
        ConnectorType               = if ($Cloud) { 'Extensible2' } else { 'AD' }
        PartitionId                 = if ($partition) { [guid]$partition.identifier } else { [guid]::Empty }
        DistinguishedName           = if ($Cloud) { Get-LabAadCsDn $Path.ImmutableId } else { $user.distinguishedName }
        AnchorValue                 = $Path.ImmutableId
        ObjectType                  = 'user'
        IsTransient                 = $false
        IsPlaceHolder               = $false
        IsConnector                 = $true
        HasSyncError                = $false
        HasExportError              = $null -ne $exportError
        ExportError                 = $exportError
        SynchronizationError        = $null
        ConnectedMVObjectId         = $Path.MvId
        Lineage                     = $lineage
        Attributes                  = (New-LabAttributeCollection $attributes)
        SerializedXml               = $null
        ExportedChangedNotReimported = $false
    }
    Add-LabTypeName $object $script:LabCsObjectType
}

# The connector-space objects of a connector: AD users the last import saw; Azure AD objects of those not cloudFiltered.
function Get-LabCsObjects($State, $Connector) {
    $script:LabObjectState = $State
    foreach ($user in $State.forest.users) {
        $path = Get-LabObjectPath $State $user
        if (-not $path.Imported) { continue }
        if ($Connector.type -eq 'AD') { New-LabCsObject $path $false }
        elseif (-not $path.Filtered) { New-LabCsObject $path $true }
    }
}

function Resolve-LabCsConnector($State, [string]$Name, $Identifier) {
    $connector = if ($Name) { @($State.connectors | Where-Object { $_.name -eq $Name })[0] } else { @($State.connectors | Where-Object { [guid]$_.identifier -eq [guid]$Identifier })[0] }
    if ($null -eq $connector) {
        $what = if ($Name) { $Name } else { [string]$Identifier }
        throw [System.ArgumentException]::new("Connector '$what' could not be found.")
    }
    $connector
}

function Get-ADSyncCSObject {
    [CmdletBinding(DefaultParameterSetName = 'SearchByConnectorNameDistinguishedName')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'SearchByIdentifier')]
        [guid]$Identifier,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'SearchByConnectorIdentifierDistinguishedName')]
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'StartIndexConnectorIdentifier')]
        [guid]$ConnectorIdentifier,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'SearchByConnectorNameDistinguishedName')]
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'StartIndexConnectorName')]
        [string]$ConnectorName,
        [Parameter(Mandatory, Position = 1, ParameterSetName = 'SearchByConnectorIdentifierDistinguishedName')]
        [Parameter(Mandatory, Position = 1, ParameterSetName = 'SearchByConnectorNameDistinguishedName')]
        [string]$DistinguishedName,
        [Parameter(ParameterSetName = 'SearchByConnectorIdentifierDistinguishedName')]
        [Parameter(ParameterSetName = 'SearchByConnectorNameDistinguishedName')]
        [switch]$SkipDNValidation,
        [Parameter(ParameterSetName = 'SearchByConnectorIdentifierDistinguishedName')]
        [Parameter(ParameterSetName = 'SearchByConnectorNameDistinguishedName')]
        [Parameter(ParameterSetName = 'StartIndexConnectorIdentifier')]
        [Parameter(ParameterSetName = 'StartIndexConnectorName')]
        [switch]$Transient,
        [Parameter(ParameterSetName = 'StartIndexConnectorIdentifier')]
        [Parameter(ParameterSetName = 'StartIndexConnectorName')]
        [int]$StartIndex = 0,
        [Parameter(ParameterSetName = 'StartIndexConnectorIdentifier')]
        [Parameter(ParameterSetName = 'StartIndexConnectorName')]
        [int]$MaxResultCount = 100
    )
    $state = Get-LabState
    if ($PSCmdlet.ParameterSetName -eq 'SearchByIdentifier') {
        foreach ($connector in $state.connectors) {
            foreach ($object in @(Get-LabCsObjects $state $connector)) { if ($object.ObjectId -eq $Identifier) { return $object } }
        }
        return
    }
    $connector = Resolve-LabCsConnector $state $ConnectorName $ConnectorIdentifier
    if ($Transient) { return }
    if ($PSCmdlet.ParameterSetName -like 'StartIndex*') {
        return @(Get-LabCsObjects $state $connector) | Select-Object -Skip $StartIndex -First $MaxResultCount
    }
    # A DN is parsed unless -SkipDNValidation: a value that is no DN is refused (lab text, see lab/README.md).
    if (-not $SkipDNValidation -and $DistinguishedName -notmatch '^[^=,]+=[^,]') {
        throw [System.ArgumentException]::new("The distinguished name '$DistinguishedName' is not valid.")
    }
    $script:LabObjectState = $state
    foreach ($user in $state.forest.users) {
        $cloud = $connector.type -ne 'AD'
        $dn = if ($cloud) { Get-LabAadCsDn (Get-LabImmutableId $user.objectGuid) } else { $user.distinguishedName }
        if (-not $dn.Equals($DistinguishedName, [StringComparison]::OrdinalIgnoreCase)) { continue }
        $path = Get-LabObjectPath $state $user
        if ($path.Imported -and -not ($cloud -and $path.Filtered)) { return New-LabCsObject $path $cloud }
        return
    }
}

function Get-ADSyncMVObject {
    [CmdletBinding()]
    param([Parameter(Mandatory)][guid]$Identifier)
    $state = Get-LabState
    $script:LabObjectState = $state
    foreach ($user in $state.forest.users) {
        $path = Get-LabObjectPath $state $user
        if (-not $path.Imported -or $path.MvId -ne $Identifier) { continue }
        $lineage = @([pscustomobject]@{ LineageId = (New-LabStableGuid "lab-mvlink:$($path.Ad.identifier):$($user.objectGuid)"); ConnectedCsObjectDN = $user.distinguishedName; ConnectedCsObjectId = $path.AdCsId; ConnectorName = $path.Ad.name; ConnectorId = [guid]$path.Ad.identifier })
        if (-not $path.Filtered) {
            $lineage += [pscustomobject]@{ LineageId = (New-LabStableGuid "lab-mvlink:$($path.Aad.identifier):$($user.objectGuid)"); ConnectedCsObjectDN = (Get-LabAadCsDn $path.ImmutableId); ConnectedCsObjectId = $path.AadCsId; ConnectorName = $path.Aad.name; ConnectorId = [guid]$path.Aad.identifier }
        }
        $rule = 'In from AD - User Common'
        $attributes = @(
            (New-LabCsAttribute 'cloudFiltered' @($(if ($path.Filtered) { $true })) $rule $path.Ad.name $path.Modified 2),
            (New-LabCsAttribute 'displayName' @($user.displayName) $rule $path.Ad.name $path.Modified),
            (New-LabCsAttribute 'mail' @($user.mail) $rule $path.Ad.name $path.Modified),
            (New-LabCsAttribute 'proxyAddresses' (Get-LabProxyAddresses $user $state) $rule $path.Ad.name $path.Modified),
            (New-LabCsAttribute 'sourceAnchor' @($path.ImmutableId) 'In from AD - User Join' $path.Ad.name $path.Modified),
            (New-LabCsAttribute 'userPrincipalName' @($user.userPrincipalName) $rule $path.Ad.name $path.Modified)
        )
        $object = [pscustomobject][ordered]@{ ObjectId = $path.MvId; Lineage = $lineage; Attributes = (New-LabAttributeCollection $attributes); SerializedXml = $null }
        return Add-LabTypeName $object $script:LabMvObjectType
    }
    throw [System.ArgumentException]::new("The metaverse object '$Identifier' could not be found.")
}

# One record per partition of each AD connector, plus the record with DN 'default' (adsync-powershell.md §5.3).
function Get-ADSyncPartitionPasswordSyncState {
    [CmdletBinding()]
    param()
    $state = Get-LabState
    $staging = (Get-LabGlobalParameterValue $state 'Microsoft.Synchronize.StagingMode') -eq 'True'
    $end = if ($state.lastCycle -and $state.lastCycle.endedAtUtc) { ConvertFrom-LabIso $state.lastCycle.endedAtUtc } else { (Get-LabNow).AddMinutes(-5) }
    foreach ($connector in (Get-LabAdConnector $state)) {
        $running = [bool]$connector.passwordHashSyncEnabled -and -not $staging
        foreach ($dn in @('default') + @($connector.partitions | Where-Object { $_.selected } | ForEach-Object { $_.dn })) {
            [pscustomobject]@{
                PSTypeName                                    = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.PartitionPasswordSyncState'
                ConnectorId                                   = [guid]$connector.identifier
                DN                                            = $dn
                PasswordSyncLastSuccessfulCycleStartTimestamp = if ($running) { $end.AddSeconds(-2) } else { [datetime]::MinValue }
                PasswordSyncLastSuccessfulCycleEndTimestamp   = if ($running) { $end } else { [datetime]::MinValue }
                PasswordSyncLastCycleStartTimestamp           = if ($running) { $end.AddSeconds(-2) } else { [datetime]::MinValue }
                PasswordSyncLastCycleEndTimestamp             = if ($running) { $end } else { [datetime]::MinValue }
                PasswordSyncLastCycleStatus                   = if ($running) { 'Successful' } else { 'NotStarted' }
            }
        }
    }
}

# A user's password sync history (reference §5.1): on the current build only; the lab keeps one entry per user
# whose password hash was synchronized (PHS on, not staging, exported).
function Get-ADSyncCSObjectLog {
    [CmdletBinding()]
    param([Parameter(Mandatory)][guid]$Identifier, [Parameter(Mandatory)][uint32]$Count)
    $state = Get-LabState
    $script:LabObjectState = $state
    $staging = (Get-LabGlobalParameterValue $state 'Microsoft.Synchronize.StagingMode') -eq 'True'
    foreach ($user in $state.forest.users) {
        $path = Get-LabObjectPath $state $user
        if ($path.AdCsId -ne $Identifier) { continue }
        if (-not $path.Imported -or -not $path.Ad.passwordHashSyncEnabled -or $staging -or $null -eq $path.Cloud) { return }
        return [pscustomobject]@{
            PSTypeName = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.CsObjectLog'
            Anchor     = $path.ImmutableId
            Type       = 'PasswordHashSync'
            Status     = 'Success'
            Details    = 'Password hash synchronized.'
            TimeStamp  = $path.Modified
        } | Select-Object -First $Count
    }
}
