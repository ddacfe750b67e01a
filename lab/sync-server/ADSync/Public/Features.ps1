# Tenant features, password hash sync, export deletion threshold, auto upgrade, database configuration.

function ConvertTo-ADSyncCompanyFeatureObject($State) {
    $f = $State.companyFeatures
    [pscustomobject]@{
        PSTypeName                 = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.AADCompanyFeature'
        PasswordHashSync           = [bool]$f.passwordHashSync
        ForcePasswordChangeOnLogOn = [bool]$f.forcePasswordChangeOnLogOn
        UserWriteback              = [bool]$f.userWriteback
        DeviceWriteback            = [bool]$f.deviceWriteback
        UnifiedGroupWriteback      = [bool]$f.unifiedGroupWriteback
        GroupWritebackV2           = [bool]$f.groupWritebackV2
    }
}

function Get-ADSyncAADCompanyFeature {
    [CmdletBinding()]
    param()
    ConvertTo-ADSyncCompanyFeatureObject (Get-LabState)
}

function Set-ADSyncAADCompanyFeature {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [System.Nullable[bool]]$PasswordHashSync,
        [System.Nullable[bool]]$ForcePasswordChangeOnLogOn,
        [System.Nullable[bool]]$UserWriteback,
        [System.Nullable[bool]]$DeviceWriteback,
        [System.Nullable[bool]]$UnifiedGroupWriteback,
        [System.Nullable[bool]]$GroupWritebackV2
    )
    Invoke-LabFault 'Set-ADSyncAADCompanyFeature'
    $bound = $PSBoundParameters
    if (-not $PSCmdlet.ShouldProcess('AAD company features', 'Set')) { return }
    $state = Update-LabState {
        param($state, $now)
        foreach ($name in 'PasswordHashSync', 'ForcePasswordChangeOnLogOn', 'UserWriteback', 'DeviceWriteback', 'UnifiedGroupWriteback', 'GroupWritebackV2') {
            if ($bound.ContainsKey($name) -and $null -ne $bound[$name]) {
                $key = $name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)
                $state.companyFeatures[$key] = [bool]$bound[$name]
            }
        }
        $state
    }
    ConvertTo-ADSyncCompanyFeatureObject $state
}

function Find-ADSyncConnectorByName($State, [string]$Name) {
    @($State.connectors | Where-Object { $_.name -eq $Name })[0]
}

function Write-ADSyncConnectorNotFound($Cmdlet, [string]$Name) {
    $exception = [System.ArgumentException]::new("Unable to find connector: $Name")
    $Cmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'ConnectorNotFound' -Category ObjectNotFound -TargetObject $Name))
}

function Get-ADSyncAADPasswordSyncConfiguration {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][string]$SourceConnector)
    $state = Get-LabState
    $connector = Find-ADSyncConnectorByName $state $SourceConnector
    if (-not $connector -or $connector.type -ne 'AD') { Write-ADSyncConnectorNotFound $PSCmdlet $SourceConnector; return }
    $target = @($state.connectors | Where-Object { $_.type -ne 'AD' })[0]
    [pscustomobject]@{
        PSTypeName      = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.PasswordSyncConfiguration'
        SourceConnector = $connector.name
        TargetConnector = if ($target) { $target.name } else { $null }
        Enabled         = [bool]$connector.passwordHashSyncEnabled
    }
}

function Set-ADSyncAADPasswordSyncConfiguration {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)][string]$SourceConnector,
        [Parameter(Mandatory, Position = 1)][string]$TargetConnector,
        [Parameter(Mandatory, Position = 2)][bool]$Enable
    )
    Invoke-LabFault 'Set-ADSyncAADPasswordSyncConfiguration'
    if (-not $PSCmdlet.ShouldProcess($SourceConnector, 'Set password hash sync')) { return }
    $missing = Update-LabState {
        param($state, $now)
        $source = Find-ADSyncConnectorByName $state $SourceConnector
        $targetConnectorData = Find-ADSyncConnectorByName $state $TargetConnector
        if (-not $source -or $source.type -ne 'AD') { return $SourceConnector }
        if (-not $targetConnectorData) { return $TargetConnector }
        $source.passwordHashSyncEnabled = $Enable
        $source.passwordHashSyncTarget = $targetConnectorData.identifier
        # Builds that record the feature in a global setting (2016) keep it in step; current builds have none.
        if ($null -ne (Find-LabGlobalParameter $state 'Microsoft.OptionalFeature.PasswordHashSync')) {
            $any = @($state.connectors | Where-Object { $_.type -eq 'AD' -and $_.passwordHashSyncEnabled }).Count -gt 0
            Set-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.PasswordHashSync' (ConvertTo-ADSyncBoolText $any)
        }
        $null
    }
    if ($missing) { Write-ADSyncConnectorNotFound $PSCmdlet $missing }
}

function Find-ADSyncAadConnector($State, [string]$Name) {
    @($State.connectors | Where-Object { $_.type -ne 'AD' -and $_.name -eq $Name })[0]
}

function ConvertTo-ADSyncPasswordResetObject($Connector) {
    $reset = $Connector.passwordReset
    [pscustomobject]@{
        PSTypeName               = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.AADPasswordResetConfiguration'
        Connector                = $Connector.name
        Enabled                  = [bool]($reset -and $reset.enabled)
        ModifiedTimestamp        = if ($reset) { ConvertFrom-LabIso $reset.modifiedTimestamp } else { $null }
        # Field names as in the shipped assembly; their values are not documented, so the lab leaves them empty.
        OnboardingRequiredStatus = $null
        ServiceStatus            = $null
    }
}

function Get-ADSyncAADPasswordResetConfiguration {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][string]$Connector)
    $found = Find-ADSyncAadConnector (Get-LabState) $Connector
    if (-not $found) { Write-ADSyncConnectorNotFound $PSCmdlet $Connector; return }
    ConvertTo-ADSyncPasswordResetObject $found
}

# Enabling password writeback onboards the server to the tenant's password reset service the first time:
# that needs an Azure AD administrator's credential, asked for with a prompt unless -AADCredential is given
# (a non-interactive session cannot answer it). Later enables and disables reuse the onboarding.
function Set-ADSyncAADPasswordResetConfiguration {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Connector,
        [Parameter(Mandatory, Position = 1)][bool]$Enable,
        [pscredential]$AADCredential
    )
    Invoke-LabFault 'Set-ADSyncAADPasswordResetConfiguration'
    $state = Get-LabState
    $found = Find-ADSyncAadConnector $state $Connector
    if (-not $found) { Write-ADSyncConnectorNotFound $PSCmdlet $Connector; return }
    $onboarded = $found.passwordReset -and $found.passwordReset.onboarded
    if ($Enable -and -not $onboarded -and $null -eq $AADCredential) {
        try { $AADCredential = $PSCmdlet.Host.UI.PromptForCredential('Azure AD', 'Enter the credentials of an Azure AD administrator to enable password writeback.', '', '') }
        catch {
            $inner = if ($_.Exception.InnerException) { $_.Exception.InnerException } else { $_.Exception }
            $PSCmdlet.ThrowTerminatingError((New-LabErrorRecord -Exception $inner -ErrorId 'InvalidOperation' -Category InvalidOperation -TargetObject $Connector))
        }
        if ($null -eq $AADCredential) { return }
    }
    if (-not $PSCmdlet.ShouldProcess($Connector, 'Set password reset configuration')) { return }
    Update-LabState {
        param($state, $now)
        $target = Find-ADSyncAadConnector $state $Connector
        $target.passwordReset = [ordered]@{ enabled = $Enable; modifiedTimestamp = ConvertTo-LabIso $now; onboarded = $true }
    }
    if ($Enable) { 'Password reset write-back is enabled' } else { 'Password reset write-back is disabled' }
}

function ConvertTo-ADSyncDeletionThresholdObject($State) {
    [pscustomobject]@{
        PSTypeName          = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ExportDeletionThreshold'
        DeletionPrevention  = if ((Get-LabGlobalParameterValue $State 'Microsoft.OptionalFeature.ExportDeletionThreshold') -eq 'True') { 1 } else { 0 }
        ThresholdPercentage = 0
        ThresholdCount      = [int](Get-LabGlobalParameterValue $State 'Microsoft.OptionalFeature.ExportDeletionThresholdValue')
    }
}

function Get-ADSyncExportDeletionThreshold {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Position = 0)][string]$AADUserName, [pscredential]$AADCredential)
    ConvertTo-ADSyncDeletionThresholdObject (Get-LabState)
}

function Enable-ADSyncExportDeletionThreshold {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0)][uint32]$DeletionThreshold, [Parameter(Position = 1)][string]$AADUserName, [pscredential]$AADCredential)
    if (-not $PSCmdlet.ShouldProcess('Export deletion threshold', 'Enable')) { return }
    $state = Update-LabState {
        param($state, $now)
        Set-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.ExportDeletionThreshold' 'True'
        Set-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.ExportDeletionThresholdValue' ([string]$DeletionThreshold)
        $state
    }
    ConvertTo-ADSyncDeletionThresholdObject $state
}

function Disable-ADSyncExportDeletionThreshold {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Position = 0)][string]$AADUserName, [pscredential]$AADCredential)
    if (-not $PSCmdlet.ShouldProcess('Export deletion threshold', 'Disable')) { return }
    $state = Update-LabState {
        param($state, $now)
        Set-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.ExportDeletionThreshold' 'False'
        $state
    }
    ConvertTo-ADSyncDeletionThresholdObject $state
}

function Get-ADSyncAutoUpgrade {
    [CmdletBinding()]
    param([switch]$Detail)
    $state = Get-LabState
    $value = [AutoUpgradeConfigurationState](Get-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.AutoUpgradeState')
    if (-not $Detail) { return $value }
    [pscustomobject]@{
        PSTypeName       = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.AutoUpgradeDetail'
        AutoUpgradeState = $value
        SuspensionReason = Get-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.AutoUpgradeSuspensionReason'
    }
}

function Set-ADSyncAutoUpgrade {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)][AutoUpgradeConfigurationState]$AutoUpgradeState,
        [Parameter(Position = 1)][string]$SuspensionReason
    )
    if (-not $PSCmdlet.ShouldProcess('Auto upgrade', "Set $AutoUpgradeState")) { return }
    Update-LabState {
        param($state, $now)
        Set-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.AutoUpgradeState' $AutoUpgradeState.ToString()
        $reason = if ($AutoUpgradeState -eq [AutoUpgradeConfigurationState]::Suspended) { $SuspensionReason } else { $null }
        Set-LabGlobalParameterValue $state 'Microsoft.OptionalFeature.AutoUpgradeSuspensionReason' $reason
    }
}

function Get-ADSyncDatabaseConfiguration {
    [CmdletBinding()]
    param()
    $db = (Get-LabState).database
    [pscustomobject]@{
        PSTypeName            = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.DatabaseConfiguration'
        InstalledLocalDb      = [bool]$db.installedLocalDb
        SqlServerName         = $db.sqlServerName
        SqlServerInstanceName = $db.sqlServerInstanceName
        SqlServerDBName       = $db.sqlServerDBName
    }
}
