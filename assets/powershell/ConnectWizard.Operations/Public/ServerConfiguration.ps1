# Server configuration export: Get-ADSyncServerConfiguration -Path.

function Export-CwServerConfigurationOperation($p) {
    $path = [string]$p.path
    $null = Get-ADSyncServerConfiguration -Path $path -ErrorAction Stop
    $files = @(Get-ChildItem -LiteralPath $path -Recurse -File -ErrorAction SilentlyContinue)
    [ordered]@{ path = $path; fileCount = $files.Count }
}
