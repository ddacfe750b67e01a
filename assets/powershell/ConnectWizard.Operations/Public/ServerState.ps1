# Server state: scheduler, connectors, global settings, features, auto upgrade, deletion threshold and
# last runs, read together.

# The whole state a page needs, in one round trip. A section that fails is reported next to the
# others instead of failing the page (e.g. company features need Entra ID to answer).
function Get-CwServerStateOperation($p) {
    $sectionErrors = New-Object System.Collections.Generic.List[object]
    $state = [ordered]@{}
    $settings = $null
    try { $settings = Get-ADSyncGlobalSettings -ErrorAction Stop } catch { $sectionErrors.Add([ordered]@{ section = 'globalSettings'; error = (ConvertTo-CwErrorInfo $_) }) }

    $sections = [ordered]@{
        scheduler               = { ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop) }
        connectors              = { Get-CwConnectorsOperation $null }
        globalSettings          = { if ($null -eq $settings) { $null } else { ConvertTo-CwGlobalSettings $settings } }
        features                = { ConvertTo-CwFeatures (Get-ADSyncAADCompanyFeature -ErrorAction Stop) }
        autoUpgrade             = { Get-CwAutoUpgradeFromValue (Get-ADSyncAutoUpgrade -ErrorAction Stop) $settings }
        exportDeletionThreshold = { if ($null -eq $settings) { $null } else { Get-CwDeletionThresholdFromSettings $settings } }
        lastRuns                = { Get-CwRunHistoryOperation ([pscustomobject]@{ count = [int](Get-CwParam $p 'runCount' 10) }) }
    }
    foreach ($name in @($sections.Keys)) {
        try {
            $state[$name] = & $sections[$name]
        } catch {
            $state[$name] = $null
            $sectionErrors.Add([ordered]@{ section = $name; error = (ConvertTo-CwErrorInfo $_) })
        }
    }
    $staging = $null
    if ($null -ne $state.scheduler) { $staging = [ordered]@{ enabled = $state.scheduler.stagingModeEnabled } }
    $state['staging'] = $staging
    $state['sectionErrors'] = $sectionErrors.ToArray()
    return $state
}
