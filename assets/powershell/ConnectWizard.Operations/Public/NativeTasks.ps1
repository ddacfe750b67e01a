# What the read-only native tasks show that only the server's registry holds. Reads only.

# Privacy settings: Microsoft documents no setting for the telemetry toggle; the shipped deployment library
# names the value ApplicationTelemetry under HKLM\SOFTWARE\Microsoft\Azure AD Connect (real-server-tasks.md
# section 1.1). Read if present, and say so when the registry or the value is not there.
function Get-CwTelemetrySettingOperation($p) {
    $key = 'HKLM:\SOFTWARE\Microsoft\Azure AD Connect'
    if ($null -eq (Get-PSDrive -Name 'HKLM' -PSProvider 'Registry' -ErrorAction SilentlyContinue)) {
        return [ordered]@{ readable = $false; value = $null; reason = 'This machine has no Windows registry to read it from.' }
    }
    if (-not (Test-Path -LiteralPath $key)) {
        return [ordered]@{ readable = $false; value = $null; reason = 'The key HKLM\SOFTWARE\Microsoft\Azure AD Connect does not exist.' }
    }
    $item = Get-ItemProperty -LiteralPath $key -ErrorAction Stop
    $value = Get-CwProperty $item 'ApplicationTelemetry'
    if ($null -eq $value) {
        return [ordered]@{ readable = $false; value = $null; reason = 'The value ApplicationTelemetry is not set under HKLM\SOFTWARE\Microsoft\Azure AD Connect.' }
    }
    [ordered]@{ readable = $true; value = ConvertTo-CwString $value; reason = $null }
}
