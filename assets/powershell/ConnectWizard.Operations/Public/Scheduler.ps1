# Scheduler, staging mode and sync cycles: Get-/Set-ADSyncScheduler, Start-/Stop-ADSyncSyncCycle. Staging mode
# is read only: the native wizard is its supported writer (lab/README.md, "Staging mode"). SchedulerSuspended is
# never written: only Azure AD Connect sets it, for its own wizard or an upgrade.

function Get-CwSchedulerOperation($p) {
    ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop)
}

function Set-CwSchedulerOperation($p) {
    $arguments = @{}
    if (Test-CwParam $p 'customizedSyncCycleIntervalSeconds') {
        $seconds = Get-CwParam $p 'customizedSyncCycleIntervalSeconds' $null
        if ($null -eq $seconds) { $arguments.CustomizedSyncCycleInterval = $null } else { $arguments.CustomizedSyncCycleInterval = ConvertTo-CwTimeSpan $seconds }
    }
    if (Test-CwParam $p 'purgeRunHistoryIntervalSeconds') { $arguments.PurgeRunHistoryInterval = ConvertTo-CwTimeSpan $p.purgeRunHistoryIntervalSeconds }
    if (Test-CwParam $p 'syncCycleEnabled') { $arguments.SyncCycleEnabled = [bool]$p.syncCycleEnabled }
    if (Test-CwParam $p 'maintenanceEnabled') { $arguments.MaintenanceEnabled = [bool]$p.maintenanceEnabled }
    if (Test-CwParam $p 'nextSyncCyclePolicyType') { $arguments.NextSyncCyclePolicyType = [string]$p.nextSyncCyclePolicyType }
    if ($arguments.Count -gt 0) {
        $null = Set-ADSyncScheduler @arguments -ErrorAction Stop -WarningAction SilentlyContinue
    }
    ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop)
}

function Get-CwStagingModeOperation($p) {
    [ordered]@{ enabled = ConvertTo-CwBool (Get-ADSyncScheduler -ErrorAction Stop).StagingModeEnabled }
}

function Start-CwSyncCycleOperation($p) {
    $policy = [string](Get-CwParam $p 'policyType' 'Delta')
    $result = Start-ADSyncSyncCycle -PolicyType $policy -ErrorAction Stop
    $text = $null
    foreach ($item in @($result)) {
        $value = Get-CwProperty $item 'Result'
        if ($null -ne $value) { $text = ConvertTo-CwString $value } elseif ($null -ne $item) { $text = ConvertTo-CwString $item }
    }
    [ordered]@{ result = $text }
}

function Stop-CwSyncCycleOperation($p) {
    $null = Stop-ADSyncSyncCycle -ErrorAction Stop
    [ordered]@{ stopRequested = $true }
}
