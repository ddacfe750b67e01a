# Operations about the bridge itself rather than the server: Echo here; GetSessionInfo is answered by
# Get-CwSessionInfo (Private/Session.ps1), which Initialize-CwSession also reports.

function Invoke-CwEcho($p) {
    $delay = [int](Get-CwParam $p 'delayMs' 0)
    if ($delay -gt 0) { Start-Sleep -Milliseconds $delay }
    [ordered]@{ value = (Get-CwParam $p 'value' $null) }
}
