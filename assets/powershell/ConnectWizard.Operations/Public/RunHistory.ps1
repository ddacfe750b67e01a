# Run history: Get-ADSyncRunProfileResult, with step counters from Get-ADSyncRunStepResult.

function Get-CwRunHistoryOperation($p) {
    $arguments = @{ NumberRequested = [int](Get-CwParam $p 'count' 50) }
    $connectorId = Get-CwParam $p 'connectorId' $null
    if ($null -ne $connectorId) { $arguments.ConnectorId = [string]$connectorId }
    # Only the most recent runs carry step counters. They come with the runs (-RunStepDetails) in one call: a call
    # per run (Get-ADSyncRunStepResult) cost more than the whole history.
    $countersFor = [Math]::Min([int](Get-CwParam $p 'countersFor' 30), $arguments.NumberRequested)
    $countersByRun = @{}
    if ($countersFor -gt 0) {
        $detailed = @{} + $arguments
        $detailed.NumberRequested = $countersFor
        foreach ($r in @(Get-ADSyncRunProfileResult @detailed -RunStepDetails -ErrorAction Stop)) {
            if ($null -ne $r) { $countersByRun[[string](Get-CwProperty $r 'RunHistoryId')] = Get-CwStepCounters (Get-CwProperty $r 'RunStepResults') }
        }
    }
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($r in @(Get-ADSyncRunProfileResult @arguments -ErrorAction Stop)) {
        if ($null -eq $r) { continue }
        $list.Add((ConvertTo-CwRun $r $countersByRun[[string](Get-CwProperty $r 'RunHistoryId')]))
    }
    return , $list.ToArray()
}

# A run's step counters (StageAdd, ExportUpdate, FlowFailure...), summed over its steps; $null when unknown.
function Get-CwStepCounters($Steps) {
    $steps = @($Steps | Where-Object { $null -ne $_ })
    if ($steps.Count -eq 0) { return $null }
    $counters = [ordered]@{}
    foreach ($step in $steps) {
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

# One call per poll while a cycle runs: the scheduler, the connectors busy now (Get-ADSyncConnectorRunStatus) and
# only the runs that started at or after `sinceUtc` or are not complete yet, with their counters. The run
# history is newest first, so the scan stops at the first complete run older than `sinceUtc`.
function Get-CwSyncProgressOperation($p) {
    $since = [datetime]::Parse([string](Get-CwParam $p 'sinceUtc' $null), [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal)
    $scheduler = ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop)
    $busy = @(Get-ADSyncConnectorRunStatus -ErrorAction Stop | Where-Object { $null -ne $_ } | ForEach-Object { [string](Get-CwProperty $_ 'ConnectorName') })
    $runs = New-Object System.Collections.Generic.List[object]
    foreach ($r in @(Get-ADSyncRunProfileResult -NumberRequested ([int](Get-CwParam $p 'count' 50)) -RunStepDetails -ErrorAction Stop)) {
        if ($null -eq $r) { continue }
        $start = Get-CwProperty $r 'StartDate'
        $complete = [bool](Get-CwProperty $r 'IsRunComplete')
        if ($complete -and $null -ne $start -and ([datetime]$start).ToUniversalTime() -lt $since) { break }
        $runs.Add((ConvertTo-CwRun $r (Get-CwStepCounters (Get-CwProperty $r 'RunStepResults'))))
    }
    [ordered]@{ scheduler = $scheduler; busyConnectors = $busy; runs = $runs.ToArray() }
}
