# Global settings. The scheduler values are views of some global parameters, as on the real server:
# reading mirrors them from the scheduler section, saving writes them back.

$script:SchedulerMirroredParameters = @(
    'Microsoft.Synchronize.SynchronizationSchedule', 'Microsoft.Synchronize.MaintenanceEnabled', 'Microsoft.Synchronize.SynchronizationPolicy',
    'Microsoft.Synchronize.NextStartTime', 'Microsoft.Synchronize.RunHistoryPurgeInterval', 'Microsoft.Synchronize.SchedulerSuspended',
    'Microsoft.Synchronize.TimeInterval')

function ConvertTo-ADSyncBoolText($Value) { if ($Value) { 'True' } else { 'False' } }

function Get-ADSyncMirroredValue($State, [string]$Name) {
    $s = $State.scheduler
    switch ($Name) {
        'Microsoft.Synchronize.SynchronizationSchedule' { ConvertTo-ADSyncBoolText $s.syncCycleEnabled }
        'Microsoft.Synchronize.MaintenanceEnabled' { ConvertTo-ADSyncBoolText $s.maintenanceEnabled }
        'Microsoft.Synchronize.SynchronizationPolicy' { [string]$s.nextSyncCyclePolicyType }
        'Microsoft.Synchronize.NextStartTime' { (ConvertFrom-LabIso $s.nextSyncCycleStartTimeInUtc).ToString('r', $script:LabInvariant) }
        'Microsoft.Synchronize.RunHistoryPurgeInterval' { [string]$s.purgeRunHistoryInterval }
        'Microsoft.Synchronize.SchedulerSuspended' { ConvertTo-ADSyncBoolText $s.schedulerSuspended }
        'Microsoft.Synchronize.TimeInterval' { ConvertFrom-LabTimeSpan (Get-LabEffectiveInterval $State) }
    }
}

function Get-ADSyncEffectiveParameters($State) {
    foreach ($parameter in $State.globalSettings.parameters) {
        $copy = [ordered]@{}
        foreach ($key in $parameter.Keys) { $copy[$key] = $parameter[$key] }
        if ($script:SchedulerMirroredParameters -contains $parameter.name) { $copy.value = Get-ADSyncMirroredValue $State $parameter.name }
        $copy
    }
}

function Get-ADSyncGlobalSettings {
    [CmdletBinding(SupportsShouldProcess)]
    param()
    $state = Get-LabState
    [pscustomobject]@{
        PSTypeName       = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.GlobalSettings'
        Version          = [int]$state.globalSettings.version
        SqlSchemaVersion = [int]$state.globalSettings.sqlSchemaVersion
        InstanceId       = [guid]$state.globalSettings.instanceId
        Schema           = [pscustomobject]@{ PSTypeName = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.Schema' }
        Parameters       = New-ADSyncParameterCollection @(Get-ADSyncEffectiveParameters $state)
    }
}

function Set-ADSyncGlobalSettings {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)][object]$GlobalSettings)
    process {
        Invoke-LabFault 'Set-ADSyncGlobalSettings'
        $settings = $GlobalSettings
        if (-not $PSCmdlet.ShouldProcess('Global settings', 'Set')) { return }
        Update-LabState {
            param($state, $now)
            $s = $state.scheduler
            foreach ($parameter in @($settings.Parameters)) {
                if ($null -eq $parameter -or -not $parameter.Name) { }
                $value = if ($null -eq $parameter.Value) { $null } else { [string]$parameter.Value }
                switch ($parameter.Name) {
                    'Microsoft.Synchronize.SynchronizationSchedule' { $s.syncCycleEnabled = $value -eq 'True'}
                    'Microsoft.Synchronize.MaintenanceEnabled' { $s.maintenanceEnabled = $value -eq 'True'}
                    'Microsoft.Synchronize.SynchronizationPolicy' { if ($value -in 'Delta', 'Initial') { $s.nextSyncCyclePolicyType = $value }}
                    'Microsoft.Synchronize.RunHistoryPurgeInterval' { if ($value) { $s.purgeRunHistoryInterval = ConvertFrom-LabTimeSpan (ConvertTo-LabTimeSpan $value) }}
                    'Microsoft.Synchronize.SchedulerSuspended' { $s.schedulerSuspended = $value -eq 'True'}
                    'Microsoft.Synchronize.NextStartTime' { }
                    'Microsoft.Synchronize.TimeInterval' { }
                }
                if ($script:SchedulerMirroredParameters -notcontains $parameter.Name) { Set-LabGlobalParameterValue $state $parameter.Name $value }
            }
            $state.globalSettings.version = [int]$state.globalSettings.version + 1
        }
        Get-ADSyncGlobalSettings
    }
}

function Get-ADSyncGlobalSettingsParameter {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$Name)
    $state = Get-LabState
    foreach ($parameter in (Get-ADSyncEffectiveParameters $state)) {
        if (-not $Name -or $parameter.name -like $Name) { New-ADSyncConfigurationParameter $parameter }
    }
}
