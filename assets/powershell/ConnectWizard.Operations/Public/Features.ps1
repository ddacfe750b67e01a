# Tenant features, password hash sync, export deletion threshold, auto upgrade, database configuration.

function Get-CwFeaturesOperation($p) {
    ConvertTo-CwFeatures (Get-ADSyncAADCompanyFeature -ErrorAction Stop)
}

function Set-CwFeaturesOperation($p) {
    $arguments = @{}
    foreach ($name in @('PasswordHashSync', 'ForcePasswordChangeOnLogOn', 'UserWriteback', 'DeviceWriteback', 'UnifiedGroupWriteback', 'GroupWritebackV2')) {
        $key = $name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)
        if (Test-CwParam $p $key) { $arguments[$name] = [bool]$p.$key }
    }
    if ($arguments.Count -gt 0) { $null = Set-ADSyncAADCompanyFeature @arguments -ErrorAction Stop }
    ConvertTo-CwFeatures (Get-ADSyncAADCompanyFeature -ErrorAction Stop)
}

function Get-CwPasswordSyncConfigurationOperation($p) {
    $sourceConnector = [string](Get-CwParam $p 'sourceConnector' '')
    $configuration = @(Get-ADSyncAADPasswordSyncConfiguration -SourceConnector $sourceConnector -ErrorAction Stop) | Select-Object -First 1
    ConvertTo-CwPasswordSyncConfiguration $configuration $sourceConnector
}

# Password hash sync per AD connector (the global setting and the tenant feature are separate steps).
function Set-CwPasswordSyncConfigurationOperation($p) {
    $sourceConnector = [string](Get-CwParam $p 'sourceConnector' '')
    $targetConnector = [string](Get-CwParam $p 'targetConnector' '')
    $enable = [bool](Get-CwParam $p 'enable' $false)
    $null = Set-ADSyncAADPasswordSyncConfiguration -SourceConnector $sourceConnector -TargetConnector $targetConnector -Enable $enable -ErrorAction Stop
    Get-CwPasswordSyncConfigurationOperation $p
}

function Get-CwDeletionThresholdOperation($p) {
    Get-CwDeletionThresholdFromSettings (Get-ADSyncGlobalSettings -ErrorAction Stop)
}

function Set-CwDeletionThresholdOperation($p) {
    $arguments = @{}
    $userName = Get-CwParam $p 'aadUserName' $null
    if ($null -ne $userName) { $arguments.AADUserName = [string]$userName }
    if ([bool](Get-CwParam $p 'enabled' $true)) {
        $arguments.DeletionThreshold = [uint32](Get-CwParam $p 'threshold' 500)
        $null = Enable-ADSyncExportDeletionThreshold @arguments -ErrorAction Stop -Confirm:$false
    } else {
        $null = Disable-ADSyncExportDeletionThreshold @arguments -ErrorAction Stop -Confirm:$false
    }
    Get-CwDeletionThresholdOperation $p
}

function Get-CwAutoUpgradeOperation($p) {
    $state = Get-ADSyncAutoUpgrade -ErrorAction Stop
    $settings = $null
    try { $settings = Get-ADSyncGlobalSettings -ErrorAction Stop } catch { $settings = $null }
    Get-CwAutoUpgradeFromValue $state $settings
}

function Set-CwAutoUpgradeOperation($p) {
    $null = Set-ADSyncAutoUpgrade -AutoUpgradeState ([string](Get-CwParam $p 'state' 'Enabled')) -ErrorAction Stop
    Get-CwAutoUpgradeOperation $p
}

function Get-CwDatabaseConfigurationOperation($p) {
    $db = Get-ADSyncDatabaseConfiguration -ErrorAction Stop
    [ordered]@{
        installedLocalDb      = ConvertTo-CwBool (Get-CwProperty $db 'InstalledLocalDb')
        sqlServerName         = ConvertTo-CwString (Get-CwProperty $db 'SqlServerName')
        sqlServerInstanceName = ConvertTo-CwString (Get-CwProperty $db 'SqlServerInstanceName')
        sqlServerDbName       = ConvertTo-CwString (Get-CwProperty $db 'SqlServerDBName')
    }
}

# Password writeback: the password reset configuration of the Azure AD connector.
function ConvertTo-CwPasswordResetConfiguration($c, [string]$Connector) {
    $name = ConvertTo-CwString (Get-CwProperty $c 'Connector')
    if ($null -eq $name) { $name = $Connector }
    [ordered]@{
        connector         = $name
        enabled           = ConvertTo-CwBool (Get-CwProperty $c 'Enabled')
        modifiedTimestamp = ConvertTo-CwIsoDate (Get-CwProperty $c 'ModifiedTimestamp')
    }
}

function Get-CwPasswordResetConfigurationOperation($p) {
    $connector = [string](Get-CwParam $p 'connector' '')
    $configuration = @(Get-ADSyncAADPasswordResetConfiguration -Connector $connector -ErrorAction Stop) | Select-Object -First 1
    ConvertTo-CwPasswordResetConfiguration $configuration $connector
}

# Enabling password writeback the first time onboards the server to the tenant's password reset service,
# and the cmdlet then prompts for an Azure AD administrator's credential. This session cannot answer a
# prompt (PowerShell refuses it in a non-interactive session), so that case is answered as
# credentialRequired with the configuration unchanged, for the caller to hand off to the native wizard.
function Set-CwPasswordResetConfigurationOperation($p) {
    $connector = [string](Get-CwParam $p 'connector' '')
    $enable = [bool](Get-CwParam $p 'enable' $false)
    $credentialRequired = $false
    try {
        $null = Set-ADSyncAADPasswordResetConfiguration -Connector $connector -Enable $enable -ErrorAction Stop
    } catch {
        $prompted = ($_.Exception -is [System.Management.Automation.PSInvalidOperationException]) -or
            ($_.Exception.InnerException -is [System.Management.Automation.PSInvalidOperationException])
        if (-not $prompted) { throw }
        $credentialRequired = $true
    }
    [ordered]@{ credentialRequired = $credentialRequired; configuration = (Get-CwPasswordResetConfigurationOperation $p) }
}
