@{
    # Lab look-alike of the *-LocalGroupMember cmdlets for the ADSync* groups. See lab/README.md.
    RootModule        = 'LocalGroups.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '0e7d6a51-7c43-4a8e-9a55-3b2f4d8e9c02'
    Author            = 'Lab sync server'
    Description       = 'Lab sync server: Get-/Add-/Remove-LocalGroupMember for ADSyncAdmins, ADSyncOperators, ADSyncBrowse, ADSyncPasswordSet.'
    PowerShellVersion = '7.4'
    FunctionsToExport = @('Get-LocalGroupMember', 'Add-LocalGroupMember', 'Remove-LocalGroupMember')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
