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

function Reset-ADSyncLabState {
    [CmdletBinding(SupportsShouldProcess)]
    param()
    if (-not $PSCmdlet.ShouldProcess((Get-LabStatePath), 'Replace with a fresh seed')) { return }
    $path = Get-LabStatePath
    Use-LabStateLock $path { Write-LabStateFile $path (New-LabSeedState (Get-LabNow)); $script:LabCache = $null }
}
