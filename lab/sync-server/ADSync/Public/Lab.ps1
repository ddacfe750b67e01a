# Lab-only cmdlets (not in the real module): scale data and a reset.

function New-ADSyncLabLargeForest {
    [CmdletBinding()]
    param(
        [ValidateRange(1, 1000000)][int]$OuCount = 50000,
        [ValidateRange(1, 50)][int]$DomainCount = 4
    )
    $summary = Update-LabState {
        param($state, $now)
        $contoso = @($state.forest.domains | Where-Object { $_.name -eq 'contoso.com' })[0]
        $domains = New-LabLargeForestDomains -OuCount $OuCount -DomainCount $DomainCount -ExistingRoot $contoso
        $grownOuCount = [int]($domains | ForEach-Object { @($_.ous).Count } | Measure-Object -Sum).Sum
        foreach ($domain in $domains) { Move-LabDomainOusToFile $domain }
        $state.forest.domains = $domains
        $adConnector = @($state.connectors | Where-Object { $_.type -eq 'AD' })[0]
        $nowIso = ConvertTo-LabIso $now
        foreach ($domain in $domains) {
            if (@($adConnector.partitions | Where-Object { $_.dn -eq $domain.distinguishedName }).Count -gt 0) { continue }
            $adConnector.partitions = @($adConnector.partitions) + @([ordered]@{
                    identifier = (New-LabStableGuid "lab-partition:$($domain.name)").ToString(); dn = $domain.distinguishedName; name = $domain.name
                    version = 1; creationTime = $nowIso; lastModificationTime = $nowIso; selected = $true; isDomain = $true
                    objectClasses = @(@($adConnector.partitions)[0].objectClasses)
                    containerInclusionList = @($domain.distinguishedName); containerExclusionList = @(); parameters = @()
                })
        }
        [pscustomobject]@{
            DomainCount = $domains.Count
            OuCount     = $grownOuCount
            Domains     = @($domains | ForEach-Object { $_.name })
        }
    }
    $summary
}

# A fresh seed; the folder keeps its profile unless -Profile names another (ADSync commands imported already
# keep the previous profile's set until the module is imported again).
function Reset-ADSyncLabState {
    [CmdletBinding(SupportsShouldProcess)]
    param([ValidateSet('contoso', 'contoso-current')][string]$Profile)
    if (-not $PSCmdlet.ShouldProcess((Get-LabStatePath), 'Replace with a fresh seed')) { return }
    $path = Get-LabStatePath
    $name = if ($Profile) { $Profile } else { Get-LabProfileForImport }
    Use-LabStateLock $path { Write-LabSeedState $path (Get-LabNow) $name; $script:LabCache = $null }
}

# Plays the administrator finishing Configure staging mode in the native wizard (after the app handed it
# off): the staging setting changes; password hash sync and password writeback stop while staging is on and
# resume when it is off, which the lab derives from that setting. For tests and demonstrations only.
function Set-ADSyncLabStagingMode {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][bool]$Enabled)
    if (-not $PSCmdlet.ShouldProcess('Staging mode', "Set $Enabled")) { return }
    Update-LabState { param($state, $now) Set-LabGlobalParameterValue $state 'Microsoft.Synchronize.StagingMode' (ConvertTo-ADSyncBoolText $Enabled) }
}

# Fault injection for tests and demonstrations: the Nth call (from now) of one of the cmdlets that change the
# server fails once, before it changes anything; or the run history's read fails once (a sync service busy or
# restarting answers so). Kept in lab-faults.json beside the state file.
function Set-ADSyncLabFault {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][ValidateSet('Set-ADSyncScheduler', 'Add-ADSyncConnector', 'Set-ADSyncGlobalSettings', 'Set-ADSyncAADCompanyFeature',
            'Set-ADSyncAADPasswordSyncConfiguration', 'Set-ADSyncAADPasswordResetConfiguration', 'Get-ADSyncRunProfileResult')][string]$Cmdlet,
        [ValidateRange(1, 1000)][int]$Call = 1,
        [string]$Message = 'The lab was told to fail this call.'
    )
    $path = Get-LabFaultPath
    $faults = @(Read-LabFaults $path) + @([pscustomobject]@{ cmdlet = $Cmdlet; remaining = $Call; message = $Message })
    Set-Content -LiteralPath $path -Value (ConvertTo-Json -InputObject @($faults) -Depth 3) -Encoding utf8
}

function Clear-ADSyncLabFault {
    [CmdletBinding()]
    param()
    Remove-Item -LiteralPath (Get-LabFaultPath) -Force -ErrorAction SilentlyContinue
}

# A domain whose domain controllers stop answering, or answer again: while it is unreachable every ActiveDirectory
# cmdlet aimed at it fails as a real one does when no DC of the domain runs Active Directory Web Services. The ADSync
# cmdlets are not affected (the sync engine keeps its own copy of the partitions).
function Set-ADSyncLabDomainReachable {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Domain, [Parameter(Mandatory)][bool]$Reachable)
    Update-LabState {
        param($state, $now)
        $found = @($state.forest.domains | Where-Object { $_.name -ieq $Domain })[0]
        if (-not $found) { throw [System.ArgumentException]::new("The lab forest has no domain '$Domain'.") }
        if ($Reachable) { $found.Remove('unreachable') } else { $found['unreachable'] = $true }
    }
}

# How long the lab's next sync cycles take, kept in the lab folder's state (null: ADSYNC_LAB_CYCLE_SECONDS or
# 6 s). A test that needs a cycle to be still running after some steps sets it, instead of racing the clock.
function Set-ADSyncLabCycleDuration {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][AllowNull()][Nullable[double]]$Seconds)
    if ($null -ne $Seconds -and ($Seconds -le 0 -or $Seconds -gt 86400)) { throw "Set-ADSyncLabCycleDuration: -Seconds must be between 0 and 86400 (or `$null), not $Seconds." }
    if (-not $PSCmdlet.ShouldProcess('Sync cycle duration', "Set $Seconds")) { return }
    Update-LabState { param($state, $now) $state['labSettings'] = [ordered]@{ cycleSeconds = $Seconds } }
}

# A long run history for scale tests: copies of the newest cycle's runs, `IntervalMinutes` apart, going back
# `Days` before the oldest run (7 days of half-hourly cycles of the seed's 6 runs: about 2,000 runs). Run
# numbers are given again so they still grow with time.
function Add-ADSyncLabRunHistory {
    [CmdletBinding()]
    param([ValidateRange(1, 60)][int]$Days = 7, [ValidateRange(5, 1440)][int]$IntervalMinutes = 30)
    Update-LabState {
        param($state, $now)
        $history = @($state.runHistory)
        if ($history.Count -eq 0) { throw 'Add-ADSyncLabRunHistory: the run history is empty; run a cycle first.' }
        $newestStart = ConvertFrom-LabIso $history[0].startDate
        $template = @($history | Where-Object { ($newestStart - (ConvertFrom-LabIso $_.startDate)).TotalMinutes -lt $IntervalMinutes })
        $templateStart = ($template | ForEach-Object { ConvertFrom-LabIso $_.startDate } | Measure-Object -Minimum).Minimum
        $oldestStart = ($history | ForEach-Object { ConvertFrom-LabIso $_.startDate } | Measure-Object -Minimum).Minimum
        $added = New-Object System.Collections.Generic.List[object]
        $cycles = [int]($Days * 24 * 60 / $IntervalMinutes)
        for ($i = 1; $i -le $cycles; $i++) {
            $shift = ($oldestStart - $templateStart) - [timespan]::FromMinutes($IntervalMinutes * $i)
            foreach ($run in $template) {
                $copy = [ordered]@{}
                foreach ($key in $run.Keys) { $copy[$key] = $run[$key] }
                $copy['runHistoryId'] = [guid]::NewGuid().ToString()
                $copy['stepHistoryId'] = [guid]::NewGuid().ToString()
                $copy['startDate'] = ConvertTo-LabIso ((ConvertFrom-LabIso $run.startDate) + $shift)
                $copy['endDate'] = ConvertTo-LabIso ((ConvertFrom-LabIso $run.endDate) + $shift)
                $added.Add($copy)
            }
        }
        $all = @($history) + $added.ToArray()
        for ($i = 0; $i -lt $all.Count; $i++) { $all[$i]['runNumber'] = $all.Count - $i }
        $state.runHistory = $all
        $state.nextRunNumber = $all.Count + 1
        [pscustomobject]@{ RunCount = $all.Count }
    }
}
