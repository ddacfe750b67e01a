@{
    RootModule        = 'ConnectWizard.Operations.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '5d0f6a52-8f0e-4c39-9a57-2b9f3c41d7e2'
    Author            = 'Azure AD Connect Wizard'
    Description       = 'The operations the Connect wizard runs in its PowerShell session. Every call names one operation and passes its parameters as base64 UTF-8 JSON; every call writes exactly one framed JSON envelope.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @('Initialize-CwSession', 'Invoke-CwOperation')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
