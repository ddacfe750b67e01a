# Members of the ADSync* local groups: Get-, Add-, Remove-LocalGroupMember.

function Get-CwGroupMembersOperation($p) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($m in @(Get-LocalGroupMember -Group ([string]$p.group) -ErrorAction Stop)) {
        if ($null -ne $m) { $list.Add((ConvertTo-CwMember $m)) }
    }
    return , $list.ToArray()
}

function Add-CwGroupMemberOperation($p) {
    $null = Add-LocalGroupMember -Group ([string]$p.group) -Member ([string]$p.member) -ErrorAction Stop -Confirm:$false
    Get-CwGroupMembersOperation $p
}

function Remove-CwGroupMemberOperation($p) {
    $null = Remove-LocalGroupMember -Group ([string]$p.group) -Member ([string]$p.member) -ErrorAction Stop -Confirm:$false
    Get-CwGroupMembersOperation $p
}
