@{
    # Lab look-alike of the RSAT ActiveDirectory cmdlets used for OU filtering. See lab/README.md.
    RootModule        = 'ActiveDirectory.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '4b1c9e2d-8f3a-4c6b-b7d1-5e9a0c3f7d03'
    Author            = 'Lab sync server'
    Description       = 'Lab sync server: Get-ADForest, Get-ADDomain, Get-ADOrganizationalUnit and Get-ADObject over the lab forest.'
    PowerShellVersion = '7.4'
    FunctionsToExport = @('Get-ADForest', 'Get-ADDomain', 'Get-ADOrganizationalUnit', 'Get-ADObject', 'Get-ADUser')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
