# Connectors: Get-ADSyncConnector and Add-ADSyncConnector (which saves a changed connector object, the way
# scripts change the OU filter: edit Partitions[..].ConnectorPartitionScope.ContainerInclusionList, then Add-ADSyncConnector).

function ConvertTo-ADSyncStringList($Items) {
    $list = [System.Collections.Generic.List[string]]::new()
    foreach ($item in $Items) { if ($null -ne $item) { $list.Add([string]$item) } }
    , $list
}

function ConvertTo-ADSyncPartitionObject($Partition) {
    $scope = [pscustomobject]@{
        PSTypeName             = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ConnectorPartitionScope'
        ObjectClasses          = ConvertTo-ADSyncStringList $Partition.objectClasses
        ContainerInclusionList = ConvertTo-ADSyncStringList $Partition.containerInclusionList
        ContainerExclusionList = ConvertTo-ADSyncStringList $Partition.containerExclusionList
    }
    [pscustomobject]@{
        PSTypeName              = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ConnectorPartition'
        Identifier              = [guid]$Partition.identifier
        DN                      = $Partition.dn
        Version                 = [long]$Partition.version
        CreationTime            = ConvertFrom-LabIso $Partition.creationTime
        LastModificationTime    = ConvertFrom-LabIso $Partition.lastModificationTime
        Selected                = [bool]$Partition.selected
        ConnectorPartitionScope = $scope
        Name                    = $Partition.name
        Parameters              = New-ADSyncParameterCollection $Partition.parameters
        PreferredDCs            = ConvertTo-ADSyncStringList @()
        IsDomain                = [bool]$Partition.isDomain
    }
}

function ConvertTo-ADSyncConnectorObject($Connector) {
    $runProfiles = foreach ($profile in $Connector.runProfiles) {
        [pscustomobject]@{ PSTypeName = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.RunConfiguration'; Name = $profile.name; Identifier = [guid]$profile.identifier; Type = $profile.stepType }
    }
    $isAd = $Connector.type -eq 'AD'
    $passwordHash = if ($isAd) {
        [pscustomobject]@{ Enabled = [bool]$Connector.passwordHashSyncEnabled; Target = if ($Connector.passwordHashSyncTarget) { [guid]$Connector.passwordHashSyncTarget } else { [guid]::Empty } }
    }
    [pscustomobject]@{
        PSTypeName                    = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.Connector'
        ConnectorTypeName             = $Connector.type
        Identifier                    = [guid]$Connector.identifier
        Version                       = [long]$Connector.version
        InternalVersion               = [long]$Connector.internalVersion
        FormatVersion                 = [int]$Connector.formatVersion
        Name                          = $Connector.name
        Description                   = $Connector.description
        CreationTime                  = ConvertFrom-LabIso $Connector.creationTime
        LastModificationTime          = ConvertFrom-LabIso $Connector.lastModificationTime
        Partitions                    = [System.Collections.Generic.List[object]]@($Connector.partitions | ForEach-Object { ConvertTo-ADSyncPartitionObject $_ })
        RunProfiles                   = @($runProfiles)
        ComponentProvisioningMappings = @()
        Schema                        = [pscustomobject]@{ PSTypeName = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.Schema' }
        AllParameterDefinitions       = @()
        ConnectivityParameters        = New-ADSyncParameterCollection $Connector.connectivityParameters
        GlobalParameters              = New-ADSyncParameterCollection $Connector.globalParameters
        CapabilityParameters          = New-ADSyncParameterCollection @()
        SchemaParameters              = New-ADSyncParameterCollection @()
        ObjectInclusionList           = ConvertTo-ADSyncStringList (@($Connector.partitions)[0].objectClasses)
        AttributeInclusionList        = ConvertTo-ADSyncStringList $Connector.attributeInclusionList
        AnchorConstructionSettings    = @()
        ListName                      = $Connector.listName
        CompanyName                   = $Connector.companyName
        Type                          = $Connector.type
        Subtype                       = $Connector.subtype
        IsUpgradeOrImportScenario     = $false
        ExtensionConfiguration        = $null
        PasswordHashConfiguration     = $passwordHash
        AADPasswordResetConfiguration = if ($isAd) { $null } else { ConvertTo-ADSyncPasswordResetObject $Connector }
    }
}

# Pending imports and exports of one connector, as its connector space holds them after the last sync.
function Get-ADSyncConnectorStatistics {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][string]$ConnectorName)
    $state = Get-LabState
    $connector = Find-ADSyncConnectorByName $state $ConnectorName
    if (-not $connector) { Write-ADSyncConnectorNotFound $PSCmdlet $ConnectorName; return }
    $exports = if ($connector.type -eq 'AD') {
        $space = Get-LabMapValue $state.connectorSpace $connector.identifier
        [ordered]@{ adds = 0; updates = 0; deletes = 0; total = if ($space) { @($space.Keys).Count } else { 0 } }
    }
    else { Get-LabPendingCloudExport $state }
    [pscustomobject]@{
        PSTypeName      = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ConnectorStatistics'
        ExportAdds      = [int]$exports.adds
        ExportUpdates   = [int]$exports.updates
        ExportDeletes   = [int]$exports.deletes
        ImportAdds      = 0
        ImportUpdates   = 0
        ImportDeletes   = 0
        ImportNoChange  = 0
        TotalConnectors = [int]$exports.total
    }
}

function Get-ADSyncConnector {
    [CmdletBinding(DefaultParameterSetName = 'All')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0)][string]$Name,
        [Parameter(ParameterSetName = 'ByIdentifier')][guid]$Identifier
    )
    $state = Get-LabState
    $found = @($state.connectors | Where-Object {
            ($PSCmdlet.ParameterSetName -eq 'All') -or
            ($PSCmdlet.ParameterSetName -eq 'ByName' -and $_.name -eq $Name) -or
            ($PSCmdlet.ParameterSetName -eq 'ByIdentifier' -and [guid]$_.identifier -eq $Identifier)
        })
    if ($found.Count -eq 0 -and $PSCmdlet.ParameterSetName -ne 'All') {
        $what = if ($PSCmdlet.ParameterSetName -eq 'ByName') { $Name } else { $Identifier.ToString() }
        $exception = [System.ArgumentException]::new("Unable to find connector: $what")
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'ConnectorNotFound' -Category ObjectNotFound -TargetObject $what))
        return
    }
    foreach ($connector in $found) { ConvertTo-ADSyncConnectorObject $connector }
}

function Add-ADSyncConnector {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)][object]$Connector)
    process {
        Invoke-LabFault 'Add-ADSyncConnector'
        $changedConnector = $Connector
        $saved = Update-LabState {
            param($state, $now)
            $target = @($state.connectors | Where-Object { [guid]$_.identifier -eq [guid]$changedConnector.Identifier })[0]
            if (-not $target) { return $null }
            $nowIso = ConvertTo-LabIso $now
            foreach ($partitionObject in @($changedConnector.Partitions)) {
                $partition = @($target.partitions | Where-Object { [guid]$_.identifier -eq [guid]$partitionObject.Identifier -or $_.dn -eq $partitionObject.DN })[0]
                if (-not $partition) { continue }
                $scope = $partitionObject.ConnectorPartitionScope
                $inclusions = @($scope.ContainerInclusionList | ForEach-Object { [string]$_ })
                $exclusions = @($scope.ContainerExclusionList | ForEach-Object { [string]$_ })
                $changed = ($partition.selected -ne [bool]$partitionObject.Selected) -or
                    ((@($partition.containerInclusionList) -join "`n") -ne ($inclusions -join "`n")) -or
                    ((@($partition.containerExclusionList) -join "`n") -ne ($exclusions -join "`n"))
                if ($changed) {
                    $partition.selected = [bool]$partitionObject.Selected
                    $partition.containerInclusionList = $inclusions
                    $partition.containerExclusionList = $exclusions
                    $partition.version = [int]$partition.version + 1
                    $partition.lastModificationTime = $nowIso
                }
            }
            foreach ($collection in 'ConnectivityParameters', 'GlobalParameters') {
                $key = if ($collection -eq 'GlobalParameters') { 'globalParameters' } else { 'connectivityParameters' }
                $stored = [System.Collections.Generic.List[object]]::new()
                foreach ($parameter in @($changedConnector.$collection)) {
                    if ($null -eq $parameter -or -not $parameter.Name) { continue }
                    $existing = @($target[$key] | Where-Object { $_.name -eq $parameter.Name })[0]
                    $scopeName = if ($existing) { $existing.scope } elseif ($collection -eq 'GlobalParameters') { 'global' } else { 'connectivity' }
                    $stored.Add([ordered]@{
                            name = [string]$parameter.Name; inputType = if ($existing) { $existing.inputType } else { 'string' }; scope = $scopeName
                            dataType = 'String'; intrinsic = [bool]$parameter.Intrinsic; encrypted = if ($existing) { [bool]$existing.encrypted } else { $false }
                            value = if ($null -eq $parameter.Value) { $null } else { [string]$parameter.Value }
                        })
                }
                if ($stored.Count -gt 0) { $target[$key] = $stored.ToArray() }
            }
            $target.version = [int]$target.version + 1
            $target.lastModificationTime = $nowIso
            $target
        }
        if ($null -eq $saved) {
            $exception = [System.ArgumentException]::new("Unable to find connector: $($Connector.Name)")
            $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'ConnectorNotFound' -Category ObjectNotFound -TargetObject $Connector))
            return
        }
        ConvertTo-ADSyncConnectorObject $saved
    }
}
