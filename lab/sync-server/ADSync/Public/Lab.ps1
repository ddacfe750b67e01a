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
            OuCount     = [int]($domains | ForEach-Object { @($_.ous).Count } | Measure-Object -Sum).Sum
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
    Use-LabStateLock $path { Write-LabStateFile $path (New-LabSeedState (Get-LabNow) $name); $script:LabCache = $null }
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

# How long the lab's next sync cycles take, kept in the lab folder's state (null: ADSYNC_LAB_CYCLE_SECONDS or
# 6 s). A test that needs a cycle to be still running after some steps sets it, instead of racing the clock.
function Set-ADSyncLabCycleDuration {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][AllowNull()][Nullable[double]]$Seconds)
    if ($null -ne $Seconds -and ($Seconds -le 0 -or $Seconds -gt 86400)) { throw "Set-ADSyncLabCycleDuration: -Seconds must be between 0 and 86400 (or `$null), not $Seconds." }
    if (-not $PSCmdlet.ShouldProcess('Sync cycle duration', "Set $Seconds")) { return }
    Update-LabState { param($state, $now) $state['labSettings'] = [ordered]@{ cycleSeconds = $Seconds } }
}
