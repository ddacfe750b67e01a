# Lab look-alike of Get-/Add-/Remove-LocalGroupMember (Microsoft.PowerShell.LocalAccounts) for the ADSync* groups
# of the lab sync server. Members live in the lab state file; names are stored and returned exactly, never run.
#
# Lab rule for resolving a principal name (see lab/README.md):
#   <NETBIOS>\<account>   NETBIOS of a lab domain (CONTOSO): resolvable for any non-empty account without a
#                         backslash, except accounts starting with "missing-" (never found). Known lab users and
#                         groups get their real SID and canonical name; other accounts a stable SID from the name.
#   <MACHINE>\<account>   the lab machine (CONTOSO-SYNC01) or ".": only the lab's local accounts.
#   <upn>                 the userPrincipalName of a lab AD user.
#   <account>             a local account, else a lab AD user or group by sAMAccountName.
#   S-1-...               a SID that the lab knows.
# Anything else (another domain, an empty account, a second backslash) is not found.

Set-StrictMode -Off

enum PrincipalSource { Unknown = 0; Local = 1; ActiveDirectory = 2; AzureAD = 3; MicrosoftAccount = 4 }

# SecurityIdentifier is not supported off Windows; this carries the same Value and ToString().
class LabSecurityIdentifier {
    [string]$Value
    LabSecurityIdentifier([string]$value) { $this.Value = $value }
    [string] ToString() { return $this.Value }
}

class MemberExistsException : System.Exception { MemberExistsException([string]$message) : base($message) {} }
class PrincipalNotFoundException : System.Exception { PrincipalNotFoundException([string]$message) : base($message) {} }
class MemberNotFoundException : System.Exception { MemberNotFoundException([string]$message) : base($message) {} }
class GroupNotFoundException : System.Exception { GroupNotFoundException([string]$message) : base($message) {} }

$sharedFolder = Join-Path (Split-Path -Parent $PSScriptRoot) 'Shared'
foreach ($file in 'LabCommon', 'LabForest', 'LabCycle', 'LabSeed', 'LabState') { . (Join-Path $sharedFolder "$file.ps1") }

$script:LocalAccountRids = @{ Administrator = 500; Guest = 501; DefaultAccount = 503 }

function Get-LabStableRid([string]$Text) {
    $bytes = [System.Security.Cryptography.MD5]::HashData([System.Text.Encoding]::UTF8.GetBytes($Text.ToUpperInvariant()))
    10000 + ([System.BitConverter]::ToUInt32($bytes, 0) % 100000000)
}

function New-LabPrincipal([string]$Name, [string]$Sid, [string]$ObjectClass, [string]$Source) {
    [ordered]@{ name = $Name; sid = $Sid; objectClass = $ObjectClass; principalSource = $Source }
}

function ConvertTo-LabLocalPrincipal($Member) {
    [pscustomobject]@{
        PSTypeName      = 'Microsoft.PowerShell.Commands.LocalPrincipal'
        Name            = $Member.name
        SID             = [LabSecurityIdentifier]::new($Member.sid)
        PrincipalSource = [PrincipalSource]$Member.principalSource
        ObjectClass     = $Member.objectClass
    }
}

function Resolve-LabLocalAccount($State, [string]$Account) {
    $machine = $State.server.machineName
    $known = @($State.server.localAccounts | Where-Object { $_ -ieq $Account })[0]
    if (-not $known) { return $null }
    $rid = if ($script:LocalAccountRids.ContainsKey($known)) { $script:LocalAccountRids[$known] } else { 1000 + [array]::IndexOf(@($State.server.localAccounts), $known) }
    New-LabPrincipal "$machine\$known" "S-1-5-21-1004336348-1177238915-682003330-$rid" 'User' 'Local'
}

function Resolve-LabDirectoryAccount($State, $Domain, [string]$Account) {
    $user = @($State.forest.users | Where-Object { $_.samAccountName -ieq $Account -and $_.domain -eq $Domain.name })[0]
    if ($user) { return New-LabPrincipal "$($Domain.netBiosName)\$($user.samAccountName)" $user.objectSid 'User' 'ActiveDirectory' }
    $group = @($State.forest.groups | Where-Object { $_.samAccountName -ieq $Account -and $_.domain -eq $Domain.name })[0]
    if ($group) { return New-LabPrincipal "$($Domain.netBiosName)\$($group.samAccountName)" $group.objectSid 'Group' 'ActiveDirectory' }
    $null
}

function Resolve-LabPrincipal($State, [string]$Text) {
    if ([string]::IsNullOrEmpty($Text)) { return $null }
    if ($Text -match '^S-1-\d+(-\d+)+$') {
        foreach ($group in $State.localGroups.Values) { foreach ($member in $group) { if ($member.sid -eq $Text) { return $member } } }
        $user = @($State.forest.users | Where-Object { $_.objectSid -eq $Text })[0]
        if ($user) { return Resolve-LabPrincipal $State "$(@($State.forest.domains | Where-Object { $_.name -eq $user.domain })[0].netBiosName)\$($user.samAccountName)" }
        return $null
    }
    $slash = $Text.IndexOf('\')
    if ($slash -ge 0) {
        $domainPart = $Text.Substring(0, $slash)
        $account = $Text.Substring($slash + 1)
        if ($account.Length -eq 0 -or $account.Contains('\')) { return $null }
        if ($domainPart -ieq $State.server.machineName -or $domainPart -eq '.') { return Resolve-LabLocalAccount $State $account }
        $domain = @($State.forest.domains | Where-Object { $_.netBiosName -ieq $domainPart })[0]
        if (-not $domain) { return $null }
        if ($account.StartsWith('missing-', [StringComparison]::OrdinalIgnoreCase)) { return $null }
        $known = Resolve-LabDirectoryAccount $State $domain $account
        if ($known) { return $known }
        $name = "$($domain.netBiosName)\$account"
        return New-LabPrincipal $name "$($domain.domainSid)-$(Get-LabStableRid $name)" 'User' 'ActiveDirectory'
    }
    if ($Text.Contains('@')) {
        $user = @($State.forest.users | Where-Object { $_.userPrincipalName -ieq $Text })[0]
        if (-not $user) { return $null }
        $domain = @($State.forest.domains | Where-Object { $_.name -eq $user.domain })[0]
        return Resolve-LabDirectoryAccount $State $domain $user.samAccountName
    }
    $local = Resolve-LabLocalAccount $State $Text
    if ($local) { return $local }
    foreach ($domain in $State.forest.domains) {
        $known = Resolve-LabDirectoryAccount $State $domain $Text
        if ($known) { return $known }
    }
    $null
}

# The text a caller gave for a member: a string, or a principal object (by SID, else by name).
function Get-LabMemberText($Member) {
    if ($Member -is [string]) { return $Member }
    if ($null -ne $Member.SID -and "$($Member.SID)") { return "$($Member.SID)" }
    if ($null -ne $Member.Name) { return [string]$Member.Name }
    [string]$Member
}

function Get-LabMemberDisplay($Member) {
    if ($Member -is [string]) { return $Member }
    if ($null -ne $Member.Name) { return [string]$Member.Name }
    [string]$Member
}

function Resolve-LabGroupName($State, $Group, [string]$Name, $Sid) {
    $wanted = if ($null -ne $Group) { if ($Group -is [string]) { $Group } else { [string]$Group.Name } } elseif ($Name) { $Name } else { [string]$Sid }
    foreach ($key in $State.localGroups.Keys) {
        if ($key -ieq $wanted -or (Get-LabGroupSid $key) -eq $wanted) { return @{ Found = $key } }
    }
    @{ Wanted = $wanted }
}

function Get-LabGroupSid([string]$GroupName) { "S-1-5-21-1004336348-1177238915-682003330-$(Get-LabStableRid "group:$GroupName")" }

function Write-LabLocalError($Cmdlet, [System.Exception]$Exception, [string]$ErrorId, [System.Management.Automation.ErrorCategory]$Category, $Target) {
    $Cmdlet.WriteError((New-LabErrorRecord -Exception $Exception -ErrorId $ErrorId -Category $Category -TargetObject $Target))
}

function Get-LocalGroupMember {
    [CmdletBinding(DefaultParameterSetName = 'Default')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Group', ValueFromPipeline)][object]$Group,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Default')][string]$Name,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'SecurityIdentifier')][object]$SID,
        [Parameter(Position = 1)][string]$Member
    )
    process {
        $state = Get-LabState
        $resolved = Resolve-LabGroupName $state $Group $Name $SID
        if (-not $resolved.Found) {
            Write-LabLocalError $PSCmdlet ([GroupNotFoundException]::new("Group $($resolved.Wanted) was not found.")) 'GroupNotFound' ObjectNotFound $resolved.Wanted
            return
        }
        $members = @($state.localGroups[$resolved.Found])
        if ($Member) {
            $pattern = [System.Management.Automation.WildcardPattern]::new($Member, [System.Management.Automation.WildcardOptions]::IgnoreCase)
            $members = @($members | Where-Object { $pattern.IsMatch($_.name) -or $_.sid -eq $Member })
            if ($members.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($Member)) {
                Write-LabLocalError $PSCmdlet ([PrincipalNotFoundException]::new("Principal $Member was not found.")) 'PrincipalNotFound' ObjectNotFound $Member
                return
            }
        }
        foreach ($item in $members) { ConvertTo-LabLocalPrincipal $item }
    }
}

function Invoke-LabGroupChange {
    param($Cmdlet, [string]$Verb, $Group, [string]$Name, $Sid, [object[]]$Member)
    $plannedErrors = [System.Collections.Generic.List[object]]::new()
    Update-LabState {
        param($state, $now)
        $resolved = Resolve-LabGroupName $state $Group $Name $Sid
        if (-not $resolved.Found) {
            $plannedErrors.Add(@([GroupNotFoundException]::new("Group $($resolved.Wanted) was not found."), 'GroupNotFound', 'ObjectNotFound', $resolved.Wanted))
            return
        }
        $groupName = $resolved.Found
        $members = [System.Collections.Generic.List[object]]::new()
        foreach ($existing in @($state.localGroups[$groupName])) { $members.Add($existing) }
        foreach ($item in $Member) {
            $display = Get-LabMemberDisplay $item
            $principal = Resolve-LabPrincipal $state (Get-LabMemberText $item)
            if ($null -eq $principal) {
                # Like the real cmdlet, an unknown principal ends the run: later members are not processed.
                $plannedErrors.Add(@([PrincipalNotFoundException]::new("Principal $display was not found."), 'PrincipalNotFound', 'ObjectNotFound', $display))
                break
            }
            $index = -1
            for ($i = 0; $i -lt $members.Count; $i++) { if ($members[$i].sid -eq $principal.sid) { $index = $i; break } }
            if ($Verb -eq 'Add') {
                if ($index -ge 0) {
                    $plannedErrors.Add(@([MemberExistsException]::new("$display is already a member of group $groupName."), 'MemberExists', 'ResourceExists', $display))
                    continue
                }
                if ($Cmdlet.ShouldProcess($groupName, "Add member $($principal.name)")) { $members.Add($principal) }
            }
            else {
                if ($index -lt 0) {
                    $plannedErrors.Add(@([MemberNotFoundException]::new("Member $display was not found in group $groupName."), 'MemberNotFound', 'ObjectNotFound', $display))
                    continue
                }
                if ($Cmdlet.ShouldProcess($groupName, "Remove member $($members[$index].name)")) { $members.RemoveAt($index) }
            }
        }
        $state.localGroups[$groupName] = $members.ToArray()
    }
    foreach ($planned in $plannedErrors) { Write-LabLocalError $Cmdlet $planned[0] $planned[1] $planned[2] $planned[3] }
}

function Add-LocalGroupMember {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Default')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Group')][object]$Group,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Default')][string]$Name,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'SecurityIdentifier')][object]$SID,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline)][object[]]$Member
    )
    process { Invoke-LabGroupChange -Cmdlet $PSCmdlet -Verb 'Add' -Group $Group -Name $Name -Sid $SID -Member $Member }
}

function Remove-LocalGroupMember {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Default')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Group')][object]$Group,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Default')][string]$Name,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'SecurityIdentifier')][object]$SID,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline)][object[]]$Member
    )
    process { Invoke-LabGroupChange -Cmdlet $PSCmdlet -Verb 'Remove' -Group $Group -Name $Name -Sid $SID -Member $Member }
}

Export-ModuleMember -Function 'Get-LocalGroupMember', 'Add-LocalGroupMember', 'Remove-LocalGroupMember'
