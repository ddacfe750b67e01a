# ConnectWizard.Operations: the only PowerShell the wizard runs.
#
# Contract with the TypeScript bridge (electron/services/powershell):
# - a call is one line: Invoke-CwOperation '<OperationName>' '<base64 of UTF-8 JSON parameters>';
#   no value ever becomes script text;
# - a call writes exactly one envelope, {"ok":true,"value":...} or
#   {"ok":false,"error":{"message","errorId","category","type","target"}}, as base64 of UTF-8 JSON
#   between markers (Private/Framing.ps1), so warnings, host output and console encoding cannot
#   corrupt it;
# - values are normalized (Private/Normalization.ps1) so Windows PowerShell 5.1 and PowerShell 7
#   print the same JSON: dates are ISO-8601 UTC strings, TimeSpans are seconds, enums are strings,
#   collections are arrays.
#
# Must stay Windows PowerShell 5.1 syntax: no ??, no ternary, no -AsHashtable, no -Parallel
# (tests/integration/powershell/windowsPowerShellSyntax.test.ts parses every file of this folder).
#
# Layout, like the lab's ADSync module: Private/ holds the framing, the type normalization, the
# session's target modules and the projections of ADSync objects; Public/ holds the operations, one
# file per ADSync noun, named like the lab file that implements the same cmdlets. This file holds what
# the bridge sees: the registry of operations and the two exported commands.

Set-StrictMode -Off

# A fixed list rather than a folder scan: the elevated session runs exactly these files, in this order,
# and a file that later appears beside them never runs. $PSScriptRoot, so neither PSModulePath nor the
# current directory decides what is loaded. A file that is missing or fails stops the import (by
# default the import would go on and the session would start with operations missing).
try {
    foreach ($file in @('Framing', 'Normalization', 'Session', 'Projections')) {
        . (Join-Path (Join-Path $PSScriptRoot 'Private') ($file + '.ps1'))
    }
    foreach ($file in @('Diagnostics', 'Scheduler', 'Connectors', 'GlobalSettings', 'Features', 'RunHistory', 'Rules', 'ServerConfiguration', 'Groups', 'Forest', 'ServerState', 'NativeWizard', 'Troubleshoot', 'NativeTasks')) {
        . (Join-Path (Join-Path $PSScriptRoot 'Public') ($file + '.ps1'))
    }
} catch {
    throw
}
Remove-Variable -Name file

# The registry: the only names a call may give. Anything else, including the name of a function of
# this module, is CwUnknownOperation.
$script:Operations = @{
    # Public/Diagnostics.ps1 (and Private/Session.ps1)
    Echo                      = ${function:Invoke-CwEcho}
    GetSessionInfo            = { Get-CwSessionInfo }
    # Public/ServerState.ps1
    GetServerState            = ${function:Get-CwServerStateOperation}
    # Public/Scheduler.ps1
    GetScheduler              = ${function:Get-CwSchedulerOperation}
    SetScheduler              = ${function:Set-CwSchedulerOperation}
    GetStagingMode            = ${function:Get-CwStagingModeOperation}
    StartSyncCycle            = ${function:Start-CwSyncCycleOperation}
    StopSyncCycle             = ${function:Stop-CwSyncCycleOperation}
    # Public/Connectors.ps1
    GetConnectors             = ${function:Get-CwConnectorsOperation}
    SetPartitionFilters       = ${function:Set-CwPartitionFiltersOperation}
    GetConnectorStatistics    = ${function:Get-CwConnectorStatisticsOperation}
    # Public/GlobalSettings.ps1
    GetGlobalSettings         = ${function:Get-CwGlobalSettingsOperation}
    SetGlobalSettings         = ${function:Set-CwGlobalSettingsOperation}
    # Public/Features.ps1
    GetCompanyFeatures        = ${function:Get-CwFeaturesOperation}
    SetCompanyFeatures        = ${function:Set-CwFeaturesOperation}
    GetPasswordSyncConfiguration = ${function:Get-CwPasswordSyncConfigurationOperation}
    SetPasswordSyncConfiguration = ${function:Set-CwPasswordSyncConfigurationOperation}
    GetPasswordResetConfiguration = ${function:Get-CwPasswordResetConfigurationOperation}
    SetPasswordResetConfiguration = ${function:Set-CwPasswordResetConfigurationOperation}
    GetExportDeletionThreshold = ${function:Get-CwDeletionThresholdOperation}
    SetExportDeletionThreshold = ${function:Set-CwDeletionThresholdOperation}
    GetAutoUpgrade            = ${function:Get-CwAutoUpgradeOperation}
    SetAutoUpgrade            = ${function:Set-CwAutoUpgradeOperation}
    GetDatabaseConfiguration  = ${function:Get-CwDatabaseConfigurationOperation}
    # Public/RunHistory.ps1
    GetRunHistory             = ${function:Get-CwRunHistoryOperation}
    GetObjectRunStepErrors    = ${function:Get-CwObjectRunStepErrorsOperation}
    GetSyncProgress           = ${function:Get-CwSyncProgressOperation}
    # Public/Rules.ps1
    GetSyncRules              = ${function:Get-CwSyncRulesOperation}
    # Public/ServerConfiguration.ps1
    ExportServerConfiguration = ${function:Export-CwServerConfigurationOperation}
    # Public/Groups.ps1
    GetGroupMembers           = ${function:Get-CwGroupMembersOperation}
    AddGroupMember            = ${function:Add-CwGroupMemberOperation}
    RemoveGroupMember         = ${function:Remove-CwGroupMemberOperation}
    # Public/Forest.ps1
    GetForest                 = ${function:Get-CwForestOperation}
    GetOrganizationalUnits    = ${function:Get-CwOrganizationalUnitsOperation}
    GetContainers             = ${function:Get-CwContainersOperation}
    GetDirectoryPermissions   = ${function:Get-CwDirectoryPermissionsOperation}
    # Public/NativeWizard.ps1
    StartNativeWizard         = ${function:Start-CwNativeWizardOperation}
    # Public/Troubleshoot.ps1
    GetObjectSyncPath         = ${function:Get-CwObjectSyncPathOperation}
    GetPasswordSyncState      = ${function:Get-CwPasswordSyncStateOperation}
    GetSingleObjectSyncAvailable = ${function:Get-CwSingleObjectSyncAvailableOperation}
    SyncSingleObject          = ${function:Invoke-CwSingleObjectSyncOperation}
    # Public/NativeTasks.ps1
    GetTelemetrySetting       = ${function:Get-CwTelemetrySettingOperation}
}

function Initialize-CwSession([string]$Payload) {
    $envelope = $null
    try {
        $global:ProgressPreference = 'SilentlyContinue'
        $script:JsonDateKindString = (Get-Command ConvertFrom-Json).Parameters.ContainsKey('DateKind')
        if ($PSVersionTable.PSEdition -ne 'Core') {
            # Windows PowerShell 5.1 serializes arrays as {"value":[...],"Count":n} while this type data exists.
            Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue
        }
        $params = ConvertFrom-CwPayload $Payload
        $script:Config.adSyncModule = [string](Get-CwParam $params 'adSyncModule' 'ADSync')
        $script:Config.activeDirectoryModule = [string](Get-CwParam $params 'activeDirectoryModule' 'ActiveDirectory')
        Import-CwTargetModule 'ADSync' $script:Config.adSyncModule
        foreach ($extra in @(Get-CwParam $params 'extraModules' @())) {
            if (-not [string]::IsNullOrEmpty([string]$extra)) { Import-CwTargetModule 'Extra' ([string]$extra) }
        }
        $envelope = [ordered]@{ ok = $true; value = (Get-CwSessionInfo) }
    } catch {
        $envelope = [ordered]@{ ok = $false; error = (ConvertTo-CwErrorInfo $_) }
    }
    Write-CwEnvelope $envelope
}

function Invoke-CwOperation([string]$Name, [string]$Payload) {
    $ErrorActionPreference = 'Stop'
    $envelope = $null
    try {
        $operation = $script:Operations[$Name]
        if ($null -eq $operation) {
            throw (New-CwErrorRecord ('Unknown operation: ' + $Name) 'CwUnknownOperation' 'InvalidArgument' $Name)
        }
        $params = ConvertFrom-CwPayload $Payload
        $value = & $operation $params
        $envelope = [ordered]@{ ok = $true; value = $value }
    } catch {
        $envelope = [ordered]@{ ok = $false; error = (ConvertTo-CwErrorInfo $_) }
    }
    Write-CwEnvelope $envelope
}

Export-ModuleMember -Function Initialize-CwSession, Invoke-CwOperation
