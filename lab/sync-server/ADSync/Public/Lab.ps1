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

# Fault injection for tests and demonstrations: the Nth call (from now) of one of the cmdlets that change the
# server fails once, before it changes anything. Kept in lab-faults.json beside the state file.
function Set-ADSyncLabFault {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][ValidateSet('Set-ADSyncScheduler', 'Add-ADSyncConnector', 'Set-ADSyncGlobalSettings', 'Set-ADSyncAADCompanyFeature',
            'Set-ADSyncAADPasswordSyncConfiguration', 'Set-ADSyncAADPasswordResetConfiguration')][string]$Cmdlet,
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
