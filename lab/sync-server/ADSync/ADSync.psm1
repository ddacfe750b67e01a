# Lab look-alike of the ADSync module of Azure AD Connect (Entra Connect Sync).
# Same cmdlet names, parameters, output property names and error texts as the real module; the state
# lives in $env:ADSYNC_LAB_FOLDER/sync-server-state.json (see "State file" in lab/README.md).

Set-StrictMode -Off

enum SynchronizationPolicyType { Unspecified = 0; Delta = 1; Initial = 2 }

enum AutoUpgradeConfigurationState { Enabled = 0; Disabled = 1; Suspended = 2 }

class ConfigurationParameter {
    [string]$Name
    [string]$InputType
    [string]$Scope
    [string]$Description
    [string]$RegexValidationPattern
    [string]$DefaultValue
    [string]$Value
    [bool]$Extensible
    [int]$PageNumber
    [bool]$Intrinsic
    [string]$DataType
}

# Enumerates parameters and indexes them by name, like the real keyed collection.
class ConfigurationParameterKeyedCollection : System.Collections.ObjectModel.KeyedCollection[string, object] {
    ConfigurationParameterKeyedCollection() : base([System.StringComparer]::OrdinalIgnoreCase) {}
    hidden [string] GetKeyForItem([object]$item) { return $item.Name }
    [void] AddOrReplace([object]$parameter) {
        if ($this.Contains($parameter.Name)) { [void]$this.Remove($parameter.Name) }
        $this.Add($parameter)
    }
}

# A connector-space or metaverse object's attributes, enumerable and indexed by name like the real collection
# (Microsoft's scripts use .Attributes.Contains('x') and .Attributes['x'].Values).
class LabAttributeKeyedCollection : System.Collections.ObjectModel.KeyedCollection[string, object] {
    LabAttributeKeyedCollection() : base([System.StringComparer]::OrdinalIgnoreCase) {}
    hidden [string] GetKeyForItem([object]$item) { return $item.Name }
}

$sharedFolder = Join-Path (Split-Path -Parent $PSScriptRoot) 'Shared'
foreach ($file in 'LabCommon', 'LabForest', 'LabCycle', 'LabSeed', 'LabState') { . (Join-Path $sharedFolder "$file.ps1") }
foreach ($file in Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'Public') -Filter '*.ps1' | Sort-Object Name) { . $file.FullName }

function New-ADSyncConfigurationParameter($Data) {
    $parameter = [ConfigurationParameter]::new()
    $parameter.Name = $Data.name
    $parameter.InputType = $Data.inputType
    $parameter.Scope = $Data.scope
    $parameter.Value = $Data.value
    $parameter.Intrinsic = [bool]$Data.intrinsic
    $parameter.DataType = $Data.dataType
    $parameter.PSObject.TypeNames.Insert(0, 'Microsoft.IdentityManagement.PowerShell.ObjectModel.ConfigurationParameter')
    $parameter
}

function New-ADSyncParameterCollection($Items) {
    $collection = [ConfigurationParameterKeyedCollection]::new()
    foreach ($item in $Items) { $collection.Add((New-ADSyncConfigurationParameter $item)) }
    , $collection
}

# Get-ADSyncConnectorStatistics is not in 2016 builds (Microsoft's diagnostics look for it with Get-Command
# first): only a folder of the current-build profile exports it. A folder keeps its profile, so this is
# decided once, when the module is imported.
$script:LabCommands = @(
    'Get-ADSyncScheduler', 'Set-ADSyncScheduler', 'Start-ADSyncSyncCycle', 'Stop-ADSyncSyncCycle', 'Get-ADSyncConnectorRunStatus',
    'Get-ADSyncConnector', 'Add-ADSyncConnector', 'Get-ADSyncRunProfileResult', 'Get-ADSyncRunStepResult',
    'Get-ADSyncGlobalSettings', 'Set-ADSyncGlobalSettings', 'Get-ADSyncGlobalSettingsParameter',
    'Get-ADSyncAADCompanyFeature', 'Set-ADSyncAADCompanyFeature', 'Get-ADSyncAADPasswordSyncConfiguration', 'Set-ADSyncAADPasswordSyncConfiguration',
    'Get-ADSyncAADPasswordResetConfiguration', 'Set-ADSyncAADPasswordResetConfiguration',
    'Get-ADSyncExportDeletionThreshold', 'Enable-ADSyncExportDeletionThreshold', 'Disable-ADSyncExportDeletionThreshold',
    'Get-ADSyncRule', 'Get-ADSyncAutoUpgrade', 'Set-ADSyncAutoUpgrade', 'Get-ADSyncDatabaseConfiguration', 'Get-ADSyncServerConfiguration',
    'Get-ADSyncCSObject', 'Get-ADSyncMVObject', 'Get-ADSyncPartitionPasswordSyncState',
    'New-ADSyncLabLargeForest', 'Reset-ADSyncLabState', 'Set-ADSyncLabStagingMode', 'Set-ADSyncLabFault', 'Set-ADSyncLabDomainReachable', 'Clear-ADSyncLabFault',
    'Set-ADSyncLabCycleDuration', 'Add-ADSyncLabRunHistory')
# Get-ADSyncCSObjectLog (a user's password sync history) is a current-build cmdlet too (lab/README.md, "Objects").
if ((Get-LabProfileForImport) -eq 'contoso-current') { $script:LabCommands += 'Get-ADSyncConnectorStatistics', 'Get-ADSyncCSObjectLog' }
Export-ModuleMember -Function $script:LabCommands
