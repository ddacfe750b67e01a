# Scheduler and sync cycles: Get-/Set-ADSyncScheduler, Start-/Stop-ADSyncSyncCycle, Get-ADSyncConnectorRunStatus.

$script:SyncAlreadyRunningMessage = "System.InvalidOperationException: Sync is already running. Cannot start a new run till this one completes.`r`n" +
"   at Microsoft.MetadirectoryServices.Scheduler.Scheduler.StartSyncCycle(String overridePolicy, Boolean interactiveMode)`r`n" +
"   at SchedulerUtils.StartSyncCycle(SchedulerUtils* , Char* policyType, Int32 interactiveMode, Char** errorString)"

function ConvertTo-ADSyncSchedulerObject($State, [datetime]$Now) {
    $s = $State.scheduler
    [pscustomobject]@{
        PSTypeName                          = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.SchedulerSettings'
        AllowedSyncCycleInterval            = ConvertTo-LabTimeSpan $s.allowedSyncCycleInterval
        CurrentlyEffectiveSyncCycleInterval = Get-LabEffectiveInterval $State
        CustomizedSyncCycleInterval         = ConvertTo-LabTimeSpan $s.customizedSyncCycleInterval
        NextSyncCyclePolicyType             = [SynchronizationPolicyType]$s.nextSyncCyclePolicyType
        NextSyncCycleStartTimeInUTC         = ConvertFrom-LabIso $s.nextSyncCycleStartTimeInUtc
        PurgeRunHistoryInterval             = ConvertTo-LabTimeSpan $s.purgeRunHistoryInterval
        SyncCycleEnabled                    = [bool]$s.syncCycleEnabled
        MaintenanceEnabled                  = [bool]$s.maintenanceEnabled
        StagingModeEnabled                  = Test-LabStagingMode $State
        SchedulerSuspended                  = [bool]$s.schedulerSuspended
        SyncCycleInProgress                 = Test-LabCycleRunning $State $Now
    }
}

function Get-ADSyncScheduler {
    [CmdletBinding()]
    param()
    ConvertTo-ADSyncSchedulerObject (Get-LabState) (Get-LabNow)
}

function Set-ADSyncScheduler {
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)][System.Nullable[timespan]]$CustomizedSyncCycleInterval,
        [Parameter(Position = 1)][System.Nullable[bool]]$SyncCycleEnabled,
        [Parameter(Position = 2)][System.Nullable[SynchronizationPolicyType]]$NextSyncCyclePolicyType,
        [Parameter(Position = 3)][System.Nullable[timespan]]$PurgeRunHistoryInterval,
        [Parameter(Position = 4)][System.Nullable[bool]]$MaintenanceEnabled,
        [Parameter(Position = 5)][System.Nullable[bool]]$SchedulerSuspended,
        [switch]$Force
    )
    Invoke-LabFault 'Set-ADSyncScheduler'
    $bound = $PSBoundParameters
    Update-LabState {
        param($state, $now)
        $s = $state.scheduler
        if ($bound.ContainsKey('CustomizedSyncCycleInterval')) { $s.customizedSyncCycleInterval = ConvertFrom-LabTimeSpan $CustomizedSyncCycleInterval }
        if ($bound.ContainsKey('SyncCycleEnabled') -and $null -ne $SyncCycleEnabled) { $s.syncCycleEnabled = [bool]$SyncCycleEnabled }
        if ($bound.ContainsKey('NextSyncCyclePolicyType') -and $null -ne $NextSyncCyclePolicyType) { $s.nextSyncCyclePolicyType = $NextSyncCyclePolicyType.ToString() }
        if ($bound.ContainsKey('PurgeRunHistoryInterval') -and $null -ne $PurgeRunHistoryInterval) { $s.purgeRunHistoryInterval = ConvertFrom-LabTimeSpan $PurgeRunHistoryInterval }
        if ($bound.ContainsKey('MaintenanceEnabled') -and $null -ne $MaintenanceEnabled) { $s.maintenanceEnabled = [bool]$MaintenanceEnabled }
        if ($bound.ContainsKey('SchedulerSuspended') -and $null -ne $SchedulerSuspended) { $s.schedulerSuspended = [bool]$SchedulerSuspended }
        ConvertTo-ADSyncSchedulerObject $state $now
    }
}

function Start-ADSyncSyncCycle {
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)][SynchronizationPolicyType]$PolicyType = [SynchronizationPolicyType]::Unspecified,
        [Parameter(Position = 1)][bool]$InteractiveMode = $true
    )
    $started = Update-LabState {
        param($state, $now)
        if (Test-LabCycleRunning $state $now) { return $false }
        $policy = if ($PolicyType -ne [SynchronizationPolicyType]::Unspecified) { $PolicyType.ToString() } else { $state.scheduler.nextSyncCyclePolicyType }
        if ($policy -ne 'Initial') { $policy = 'Delta' }
        Start-LabCycle -State $state -PolicyType $policy -StartUtc $now -Seconds (Get-LabCycleSeconds $state) | Out-Null
        $true
    }
    if (-not $started) {
        $exception = [System.InvalidOperationException]::new($script:SyncAlreadyRunningMessage)
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId $script:SyncAlreadyRunningMessage -Category WriteError -TargetObject $PSCmdlet))
        return
    }
    [pscustomobject]@{ PSTypeName = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.SchedulerOperationResult'; Result = 'Success' }
}

function Stop-ADSyncSyncCycle {
    [CmdletBinding()]
    param()
    Update-LabState { param($state, $now) Stop-LabCycle $state $now | Out-Null }
}

function Get-ADSyncConnectorRunStatus {
    [CmdletBinding()]
    param()
    $state = Get-LabState
    $now = Get-LabNow
    if (-not (Test-LabCycleRunning $state $now)) { return }
    foreach ($step in $state.cycle.steps) {
        if ((ConvertFrom-LabIso $step.startDate) -le $now -and $now -lt (ConvertFrom-LabIso $step.endDate)) {
            [pscustomobject]@{ PSTypeName = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ConnectorRunStatus'; RunState = 'Busy'; ConnectorName = $step.connectorName }
        }
    }
}
