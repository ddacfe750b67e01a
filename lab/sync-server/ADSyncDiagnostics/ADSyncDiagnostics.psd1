@{
    # Lab look-alike of Microsoft's ADSyncDiagnostics module (Bin\ADSyncDiagnostics). See lab/README.md, "Objects".
    RootModule        = 'ADSyncDiagnostics.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '0f5c7b36-9a71-4c1d-8f3e-2d3a6b9e4c11'
    Author            = 'Lab sync server'
    Description       = 'Lab sync server: Invoke-ADSyncSingleObjectSync over the lab state (ADSYNC_LAB_FOLDER), on builds 1.6.4.0 and later only.'
    PowerShellVersion = '7.4'
    FunctionsToExport = @('Invoke-ADSyncSingleObjectSync')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
