# The native configuration wizard, AzureADConnect.exe, started for a task this app hands off to it. It is
# installed in the documented folder under Program Files, beside the sync engine's own folder.

function Get-CwNativeWizardPath {
    $programFiles = [Environment]::GetFolderPath('ProgramFiles')
    if ([string]::IsNullOrEmpty($programFiles)) { return $null }
    return Join-Path $programFiles 'Microsoft Azure Active Directory Connect\AzureADConnect.exe'
}

# Not installed where it should be: answered as not started (with the path looked at), not as an error.
function Start-CwNativeWizardOperation($p) {
    $path = Get-CwNativeWizardPath
    if ($null -eq $path -or -not (Test-Path -LiteralPath $path -PathType Leaf)) {
        return [ordered]@{ started = $false; path = $path; processId = $null; startedAtUtc = $null }
    }
    $process = Start-Process -FilePath $path -PassThru -ErrorAction Stop
    [ordered]@{ started = $true; path = $path; processId = $process.Id; startedAtUtc = (ConvertTo-CwIsoDate ([DateTime]::UtcNow)) }
}
