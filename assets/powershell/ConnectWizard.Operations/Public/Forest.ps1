# The Active Directory forest and its OUs: Get-ADForest, Get-ADDomain, Get-ADOrganizationalUnit
# (the ActiveDirectory module is imported on first use).

# The last OU query of the session, for paging (see Get-CwOrganizationalUnitsOperation).
$script:OuCache = $null

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

# One page of the OUs under a search base. The whole result is read once (skip = 0) and kept in the
# session, so paging through a 50,000-OU forest costs one directory query, not one per page.
function Get-CwOrganizationalUnitsOperation($p) {
    Use-CwActiveDirectoryModule
    $searchBase = [string]$p.searchBase
    $scope = [string](Get-CwParam $p 'scope' 'OneLevel')
    $server = Get-CwParam $p 'server' $null
    $skip = [int](Get-CwParam $p 'skip' 0)
    $take = [int](Get-CwParam $p 'take' 1000)
    $key = $searchBase + '|' + $scope + '|' + [string]$server
    if ($skip -eq 0 -or $null -eq $script:OuCache -or $script:OuCache.key -ne $key) {
        $arguments = Get-CwServerArgument 'Get-ADOrganizationalUnit' $server
        $items = New-Object System.Collections.Generic.List[object]
        foreach ($ou in @(Get-ADOrganizationalUnit -Filter '*' -SearchBase $searchBase -SearchScope $scope @arguments -ErrorAction Stop)) {
            if ($null -eq $ou) { continue }
            $items.Add([ordered]@{ name = ConvertTo-CwString $ou.Name; distinguishedName = ConvertTo-CwString $ou.DistinguishedName })
        }
        $script:OuCache = @{ key = $key; items = $items.ToArray() }
    }
    $all = $script:OuCache.items
    $total = $all.Count
    $page = New-Object System.Collections.Generic.List[object]
    $end = [Math]::Min($total, $skip + $take)
    for ($i = $skip; $i -lt $end; $i++) { $page.Add($all[$i]) }
    $nextSkip = $null
    if ($end -lt $total) { $nextSkip = $end }
    [ordered]@{ items = $page.ToArray(); total = $total; nextSkip = $nextSkip }
}
