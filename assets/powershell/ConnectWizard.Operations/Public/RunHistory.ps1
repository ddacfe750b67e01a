# Run history: Get-ADSyncRunProfileResult, with step counters from Get-ADSyncRunStepResult.

function Get-CwRunHistoryOperation($p) {
    $arguments = @{ NumberRequested = [int](Get-CwParam $p 'count' 50) }
    $connectorId = Get-CwParam $p 'connectorId' $null
    if ($null -ne $connectorId) { $arguments.ConnectorId = [string]$connectorId }
    # Step counters cost one more call per run, so only the most recent runs carry them.
    $countersFor = [int](Get-CwParam $p 'countersFor' 30)
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($r in @(Get-ADSyncRunProfileResult @arguments -ErrorAction Stop)) {
        if ($null -eq $r) { continue }
        $counters = $null
        if ($list.Count -lt $countersFor) { $counters = Get-CwRunCounters (Get-CwProperty $r 'RunHistoryId') }
        $list.Add((ConvertTo-CwRun $r $counters))
    }
    return , $list.ToArray()
}

# The run's step counters (StageAdd, ExportUpdate, FlowFailure...), summed over its steps; $null when unknown.
function Get-CwRunCounters($RunHistoryId) {
    if ($null -eq $RunHistoryId) { return $null }
    $steps = @(Get-ADSyncRunStepResult -RunHistoryId $RunHistoryId -ErrorAction SilentlyContinue)
    if ($steps.Count -eq 0) { return $null }
    $counters = [ordered]@{}
    foreach ($step in $steps) {
        if ($null -eq $step) { continue }
        foreach ($property in $step.PSObject.Properties) {
            if ($property.Name -match '^(Stage|Disconnector|Connector|Flow|Export)' -and $property.Value -is [int]) {
                $previous = 0
                if ($counters.Contains($property.Name)) { $previous = $counters[$property.Name] }
                $counters[$property.Name] = $previous + $property.Value
            }
        }
    }
    return $counters
}
