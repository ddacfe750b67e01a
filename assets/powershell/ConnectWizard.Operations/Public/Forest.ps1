# The Active Directory forest and its OUs: Get-ADForest, Get-ADDomain, Get-ADOrganizationalUnit
# (the ActiveDirectory module is imported on first use).

# The OU queries being paged in this session, by search base, scope and server (see Get-CwOrganizationalUnitsOperation).
$script:OuCache = @{}

function Get-CwServerArgument([string]$Command, $Server) {
    $arguments = @{}
    if ($null -ne $Server -and (Get-Command $Command).Parameters.ContainsKey('Server')) { $arguments.Server = [string]$Server }
    return $arguments
}

function Get-CwForestOperation($p) {
    Use-CwActiveDirectoryModule
    $forestName = Get-CwParam $p 'forest' $null
    $arguments = @{}
    if ($null -ne $forestName) { $arguments.Identity = [string]$forestName }
    $forest = Get-ADForest @arguments -ErrorAction Stop
    $domains = New-Object System.Collections.Generic.List[object]
    foreach ($domainName in @($forest.Domains)) {
        if ($null -eq $domainName) { continue }
        $domainArguments = Get-CwServerArgument 'Get-ADDomain' ([string]$domainName)
        $domain = Get-ADDomain -Identity ([string]$domainName) @domainArguments -ErrorAction Stop
        $domains.Add([ordered]@{
                dnsRoot           = ConvertTo-CwString $domain.DNSRoot
                netBiosName       = ConvertTo-CwString (Get-CwProperty $domain 'NetBIOSName')
                distinguishedName = ConvertTo-CwString $domain.DistinguishedName
            })
    }
    [ordered]@{
        name       = ConvertTo-CwString $forest.Name
        rootDomain = ConvertTo-CwString (Get-CwProperty $forest 'RootDomain')
        domains    = $domains.ToArray()
    }
}

# One page of the OUs under a search base, each as its name and DN only (what the filtering tree shows).
# The whole result is read once (skip = 0) and kept in the session until its last page is served, per
# search base: the domains of a forest are read side by side, so one slot would re-read a domain per page.
function Get-CwOrganizationalUnitsOperation($p) {
    Use-CwActiveDirectoryModule
    $searchBase = [string]$p.searchBase
    $scope = [string](Get-CwParam $p 'scope' 'OneLevel')
    $server = Get-CwParam $p 'server' $null
    $skip = [int](Get-CwParam $p 'skip' 0)
    $take = [int](Get-CwParam $p 'take' 1000)
    $key = $searchBase + '|' + $scope + '|' + [string]$server
    if ($skip -eq 0 -or -not $script:OuCache.ContainsKey($key)) {
        $arguments = Get-CwServerArgument 'Get-ADOrganizationalUnit' $server
        # Tens of thousands of OUs: two string lists, not an object per OU, are what costs least to build and to
        # write as JSON (and to check in main); no function call per OU.
        $names = New-Object System.Collections.Generic.List[string]
        $distinguishedNames = New-Object System.Collections.Generic.List[string]
        foreach ($ou in @(Get-ADOrganizationalUnit -Filter '*' -SearchBase $searchBase -SearchScope $scope @arguments -ErrorAction Stop)) {
            if ($null -eq $ou) { continue }
            $names.Add([string]$ou.Name)
            $distinguishedNames.Add($ou.DistinguishedName.ToString())
        }
        $script:OuCache[$key] = @{ names = $names.ToArray(); distinguishedNames = $distinguishedNames.ToArray() }
    }
    $all = $script:OuCache[$key]
    $total = $all.distinguishedNames.Count
    $end = [Math]::Min($total, $skip + $take)
    $count = [Math]::Max(0, $end - $skip)
    $pageNames = New-Object string[] $count
    $pageDistinguishedNames = New-Object string[] $count
    if ($count -gt 0) {
        [Array]::Copy($all.names, $skip, $pageNames, 0, $count)
        [Array]::Copy($all.distinguishedNames, $skip, $pageDistinguishedNames, 0, $count)
    }
    $nextSkip = $null
    if ($end -lt $total) { $nextSkip = $end }
    else { $script:OuCache.Remove($key) }
    [ordered]@{ names = $pageNames; distinguishedNames = $pageDistinguishedNames; total = $total; nextSkip = $nextSkip }
}

# The containers right under a domain (Users, Computers, Builtin...): Get-ADOrganizationalUnit lists OUs only,
# and the native filtering tree shows both.
function Get-CwContainersOperation($p) {
    Use-CwActiveDirectoryModule
    $searchBase = [string]$p.searchBase
    $arguments = Get-CwServerArgument 'Get-ADObject' (Get-CwParam $p 'server' $null)
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($o in @(Get-ADObject -LDAPFilter '(|(objectClass=container)(objectClass=builtinDomain))' -SearchBase $searchBase -SearchScope OneLevel @arguments -ErrorAction Stop)) {
        if ($null -eq $o) { continue }
        $list.Add([ordered]@{ name = ConvertTo-CwString $o.Name; distinguishedName = ConvertTo-CwString $o.DistinguishedName; objectClass = ConvertTo-CwString $o.ObjectClass })
    }
    return , $list.ToArray()
}

function Get-CwConnectivityValue($Connector, [string]$Name) {
    $parameters = Get-CwProperty $Connector 'ConnectivityParameters'
    if ($parameters -is [System.Collections.IDictionary]) { $parameters = $parameters.Values }
    foreach ($parameter in @($parameters)) {
        if ($null -ne $parameter -and [string]$parameter.Name -eq $Name) { return ConvertTo-CwString $parameter.Value }
    }
    return $null
}

# The access rules on the root of each selected domain of an AD connector that apply to its account
# (named as DOMAIN\account) directly or through Everyone or Authenticated Users: what the checks of a
# feature's directory permissions read. The account is the connector's forest-login-user/-domain.
function Get-CwDirectoryPermissionsOperation($p) {
    Use-CwActiveDirectoryModule
    $connectorName = [string](Get-CwParam $p 'connectorName' '')
    $connector = Get-ADSyncConnector -Name $connectorName -ErrorAction Stop
    $user = Get-CwConnectivityValue $connector 'forest-login-user'
    $domainName = Get-CwConnectivityValue $connector 'forest-login-domain'
    $account = $null
    if (-not [string]::IsNullOrEmpty($user) -and -not [string]::IsNullOrEmpty($domainName)) {
        $domainArguments = Get-CwServerArgument 'Get-ADDomain' $domainName
        $domain = Get-ADDomain -Identity $domainName @domainArguments -ErrorAction Stop
        $account = [string](Get-CwProperty $domain 'NetBIOSName') + '\' + $user
    }
    $identities = @('Everyone', 'NT AUTHORITY\Authenticated Users')
    if ($null -ne $account) { $identities += $account }
    $domains = New-Object System.Collections.Generic.List[object]
    foreach ($partition in (Get-CwPartitionList $connector)) {
        if (-not (ConvertTo-CwBool (Get-CwProperty $partition 'Selected'))) { continue }
        $dn = [string]$partition.DN
        $arguments = Get-CwServerArgument 'Get-ADObject' ([string](Get-CwProperty $partition 'Name'))
        $root = Get-ADObject -Identity $dn -Properties nTSecurityDescriptor @arguments -ErrorAction Stop
        $aces = New-Object System.Collections.Generic.List[object]
        foreach ($rule in @($root.nTSecurityDescriptor.Access)) {
            if ($null -eq $rule) { continue }
            $identity = [string]$rule.IdentityReference.Value
            $applies = $false
            foreach ($candidate in $identities) { if ($identity -eq $candidate) { $applies = $true } }
            if (-not $applies) { continue }
            $aces.Add([ordered]@{
                    identity            = $identity
                    rights              = [string]$rule.ActiveDirectoryRights
                    accessControlType   = [string]$rule.AccessControlType
                    objectType          = [string]$rule.ObjectType
                    inheritedObjectType = [string]$rule.InheritedObjectType
                    inheritanceType     = [string]$rule.InheritanceType
                })
        }
        $domains.Add([ordered]@{ dn = $dn; aces = $aces.ToArray() })
    }
    [ordered]@{ account = $account; domains = $domains.ToArray() }
}
