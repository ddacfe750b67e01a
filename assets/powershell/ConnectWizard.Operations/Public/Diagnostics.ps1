# Operations that check the bridge itself rather than the server (GetSessionInfo is Get-CwSessionInfo).

function Invoke-CwEcho($p) {
    $delay = [int](Get-CwParam $p 'delayMs' 0)
    if ($delay -gt 0) { Start-Sleep -Milliseconds $delay }
    [ordered]@{ value = (Get-CwParam $p 'value' $null) }
}
