# Connectors and their partition filters: Get-ADSyncConnector, Add-ADSyncConnector.

function Get-CwConnectorsOperation($p) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($c in @(Get-ADSyncConnector -ErrorAction Stop)) {
        if ($null -ne $c) { $list.Add((ConvertTo-CwConnector $c)) }
    }
    return , $list.ToArray()
}

function Set-CwPartitionFiltersOperation($p) {
    $connectorName = [string](Get-CwParam $p 'connectorName' '')
    $connector = Get-ADSyncConnector -Name $connectorName -ErrorAction Stop
    $partitions = Get-CwPartitionList $connector
    foreach ($spec in @(Get-CwParam $p 'partitions' @())) {
        $partition = $null
        foreach ($candidate in $partitions) {
            if ([string]$candidate.DN -eq [string]$spec.dn) { $partition = $candidate; break }
        }
        if ($null -eq $partition) {
            throw (New-CwErrorRecord ('Partition ' + $spec.dn + ' was not found on connector ' + $connectorName + '.') 'CwPartitionNotFound' 'ObjectNotFound' $spec.dn)
        }
        if (Test-CwParam $spec 'selected') { $partition.Selected = [bool]$spec.selected }
        $scope = Get-CwProperty $partition 'ConnectorPartitionScope'
        if (Test-CwParam $spec 'containerInclusions') { Set-CwListProperty $scope 'ContainerInclusionList' ([string[]]@($spec.containerInclusions)) }
        if (Test-CwParam $spec 'containerExclusions') { Set-CwListProperty $scope 'ContainerExclusionList' ([string[]]@($spec.containerExclusions)) }
    }
    $null = Add-ADSyncConnector -Connector $connector -ErrorAction Stop
    ConvertTo-CwConnector (Get-ADSyncConnector -Name $connectorName -ErrorAction Stop)
}

# Pending exports (and imports) per connector. Get-ADSyncConnectorStatistics is missing from older builds:
# it is looked up first, as Microsoft's diagnostics do, and an answer without it says so and has no counts.
function Get-CwConnectorStatisticsOperation($p) {
    if ($null -eq (Get-Command -Name 'Get-ADSyncConnectorStatistics' -ErrorAction SilentlyContinue)) {
        return [ordered]@{ available = $false; connectors = @() }
    }
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($c in @(Get-ADSyncConnector -ErrorAction Stop)) {
        if ($null -eq $c) { continue }
        $name = [string]$c.Name
        $s = @(Get-ADSyncConnectorStatistics -ConnectorName $name -ErrorAction Stop) | Select-Object -First 1
        $list.Add([ordered]@{
                connectorName   = $name
                exportAdds      = ConvertTo-CwInt (Get-CwProperty $s 'ExportAdds')
                exportUpdates   = ConvertTo-CwInt (Get-CwProperty $s 'ExportUpdates')
                exportDeletes   = ConvertTo-CwInt (Get-CwProperty $s 'ExportDeletes')
                importAdds      = ConvertTo-CwInt (Get-CwProperty $s 'ImportAdds')
                importUpdates   = ConvertTo-CwInt (Get-CwProperty $s 'ImportUpdates')
                importDeletes   = ConvertTo-CwInt (Get-CwProperty $s 'ImportDeletes')
                totalConnectors = ConvertTo-CwInt (Get-CwProperty $s 'TotalConnectors')
            })
    }
    [ordered]@{ available = $true; connectors = $list.ToArray() }
}
