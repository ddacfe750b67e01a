# Synchronization rules: Get-ADSyncRule.

function Get-CwSyncRulesOperation($p) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($r in @(Get-ADSyncRule -ErrorAction Stop)) {
        if ($null -ne $r) { $list.Add((ConvertTo-CwRule $r)) }
    }
    return , $list.ToArray()
}
