@{
    # Lab look-alike of Microsoft's ADSync module (Azure AD Connect / Entra Connect Sync). See lab/README.md.
    RootModule        = 'ADSync.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '6d0c2f54-2b7e-4d77-9d2a-4f1f3f6a7c01'
    Author            = 'Lab sync server'
    Description       = 'Lab sync server: the ADSync cmdlets over a JSON state file (ADSYNC_LAB_FOLDER). The psm1 decides per profile which of these it exports.'
    PowerShellVersion = '7.4'
    FunctionsToExport = @(
        'Get-ADSyncScheduler', 'Set-ADSyncScheduler', 'Start-ADSyncSyncCycle', 'Stop-ADSyncSyncCycle', 'Get-ADSyncConnectorRunStatus',
        'Get-ADSyncConnector', 'Add-ADSyncConnector', 'Get-ADSyncRunProfileResult', 'Get-ADSyncRunStepResult',
        'Get-ADSyncGlobalSettings', 'Set-ADSyncGlobalSettings', 'Get-ADSyncGlobalSettingsParameter',
        'Get-ADSyncAADCompanyFeature', 'Set-ADSyncAADCompanyFeature', 'Get-ADSyncAADPasswordSyncConfiguration', 'Set-ADSyncAADPasswordSyncConfiguration',
        'Get-ADSyncAADPasswordResetConfiguration', 'Set-ADSyncAADPasswordResetConfiguration', 'Get-ADSyncConnectorStatistics',
        'Get-ADSyncExportDeletionThreshold', 'Enable-ADSyncExportDeletionThreshold', 'Disable-ADSyncExportDeletionThreshold',
        'Get-ADSyncRule', 'Get-ADSyncAutoUpgrade', 'Set-ADSyncAutoUpgrade', 'Get-ADSyncDatabaseConfiguration', 'Get-ADSyncServerConfiguration',
        'Get-ADSyncCSObject', 'Get-ADSyncMVObject', 'Get-ADSyncCSObjectLog', 'Get-ADSyncPartitionPasswordSyncState',
        'New-ADSyncLabLargeForest', 'Reset-ADSyncLabState', 'Set-ADSyncLabStagingMode', 'Set-ADSyncLabFault', 'Set-ADSyncLabDomainReachable', 'Clear-ADSyncLabFault',
        'Set-ADSyncLabCycleDuration', 'Add-ADSyncLabRunHistory')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
