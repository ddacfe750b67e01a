# Lab look-alike of the RSAT ActiveDirectory cmdlets the app uses for OU filtering:
# Get-ADForest, Get-ADDomain and Get-ADOrganizationalUnit, reading the lab forest from the lab state.

Set-StrictMode -Off

$sharedFolder = Join-Path (Split-Path -Parent $PSScriptRoot) 'Shared'
foreach ($file in 'LabCommon', 'LabForest', 'LabCycle', 'LabSeed', 'LabState') { . (Join-Path $sharedFolder "$file.ps1") }

$script:ServerDownMessage = 'Unable to contact the server. This may be because this server does not exist, it is currently down, or it does not have the Active Directory Web Services running.'
$script:NoDefaultServerMessage = 'Unable to find a default server with Active Directory Web Services running.'
$script:Management = 'Microsoft.ActiveDirectory.Management'
# OU GUIDs are a hash of the DN, so they are stable without being stored.
$script:OuHash = [System.Security.Cryptography.MD5]::Create()

# The module's ADServerDownException: with -Server, that server cannot be reached; without, no domain controller
# of the computer's domain (the lab's root domain) could be found.
function Write-ADServerDown($Cmdlet, [string]$Server) {
    $message, $errorId = if ([string]::IsNullOrWhiteSpace($Server)) { $script:NoDefaultServerMessage, 'ActiveDirectoryServer:1355' } else { $script:ServerDownMessage, 'ActiveDirectoryServer:0' }
    $exception = [System.InvalidOperationException]::new($message)
    $Cmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId $errorId -Category ResourceUnavailable -TargetObject $Server))
}

# -Server may be a domain name, a NetBIOS name or a DC host name, optionally with a port. A domain whose domain
# controllers were taken down (Set-ADSyncLabDomainReachable) is not found, so callers answer as for an unknown server.
function Find-ADLabDomain($State, [string]$Server) {
    $best = $null
    if ([string]::IsNullOrWhiteSpace($Server)) { $best = @($State.forest.domains | Where-Object { $_.name -eq $State.forest.rootDomain })[0] }
    else {
        $host_ = ($Server -split ':')[0]
        foreach ($domain in $State.forest.domains) {
            $matches_ = ($host_ -ieq $domain.name) -or ($host_ -ieq $domain.netBiosName) -or $host_.EndsWith(".$($domain.name)", [StringComparison]::OrdinalIgnoreCase)
            if ($matches_ -and ($null -eq $best -or $domain.name.Length -gt $best.name.Length)) { $best = $domain }
        }
    }
    if ($best -and $best.unreachable) { return $null }
    $best
}

function Get-ADLabRdnValue([string]$Dn) {
    $first = [regex]::Match($Dn, '^[^=]+=((?:\\.|[^,\\])*)')
    if ($first.Success) { return ($first.Groups[1].Value -replace '\\(.)', '$1') }
    $Dn
}

function ConvertTo-ADLabDomainObject($State, $Domain) {
    $dn = $Domain.distinguishedName
    $dc = "CONTOSO-DC01.$($Domain.name)"
    $parent = if ($Domain.name -ne $State.forest.rootDomain) { $State.forest.rootDomain } else { $null }
    $children = @($State.forest.domains | Where-Object { $_.name -ne $Domain.name -and $_.name.EndsWith(".$($Domain.name)") } | ForEach-Object { $_.name })
    [pscustomobject]@{
        PSTypeName                         = "$script:Management.ADDomain"
        AllowedDNSSuffixes                 = @()
        ChildDomains                       = $children
        ComputersContainer                 = "CN=Computers,$dn"
        DeletedObjectsContainer            = "CN=Deleted Objects,$dn"
        DistinguishedName                  = $dn
        DNSRoot                            = $Domain.name
        DomainControllersContainer         = "OU=Domain Controllers,$dn"
        DomainMode                         = 'Windows2016Domain'
        DomainSID                          = $Domain.domainSid
        ForeignSecurityPrincipalsContainer = "CN=ForeignSecurityPrincipals,$dn"
        Forest                             = $State.forest.name
        InfrastructureMaster               = $dc
        LastLogonReplicationInterval       = $null
        LinkedGroupPolicyObjects           = @("CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,$dn")
        LostAndFoundContainer              = "CN=LostAndFound,$dn"
        ManagedBy                          = $null
        Name                               = $Domain.netBiosName.ToLowerInvariant()
        NetBIOSName                        = $Domain.netBiosName
        ObjectClass                        = 'domainDNS'
        ObjectGUID                         = [guid]$Domain.objectGuid
        ParentDomain                       = $parent
        PDCEmulator                        = $dc
        PublicKeyRequiredPasswordRolling   = $true
        QuotasContainer                    = "CN=NTDS Quotas,$dn"
        ReadOnlyReplicaDirectoryServers    = @()
        ReplicaDirectoryServers            = @($dc)
        RIDMaster                          = $dc
        SubordinateReferences              = @("DC=ForestDnsZones,$dn", "DC=DomainDnsZones,$dn", "CN=Configuration,$dn")
        SystemsContainer                   = "CN=System,$dn"
        UsersContainer                     = "CN=Users,$dn"
    }
}

function Get-ADForest {
    [CmdletBinding()]
    param([Parameter(Position = 0)][object]$Identity, [string]$Server, [pscredential]$Credential, [string]$AuthType)
    $state = Get-LabState
    $forest = $state.forest
    $asked = if ($Identity) { [string]$Identity } else { $Server }
    if (-not (Find-ADLabDomain $state $asked)) { Write-ADServerDown $PSCmdlet $asked; return }
    $root = @($forest.domains | Where-Object { $_.name -eq $forest.rootDomain })[0]
    $dc = "CONTOSO-DC01.$($forest.rootDomain)"
    [pscustomobject]@{
        PSTypeName            = "$script:Management.ADForest"
        ApplicationPartitions = @("DC=DomainDnsZones,$($root.distinguishedName)", "DC=ForestDnsZones,$($root.distinguishedName)")
        CrossForestReferences = @()
        DomainNamingMaster    = $dc
        Domains               = @($forest.domains | ForEach-Object { $_.name })
        ForestMode            = $forest.forestMode
        GlobalCatalogs        = @($forest.domains | ForEach-Object { "CONTOSO-DC01.$($_.name)" })
        Name                  = $forest.name
        PartitionsContainer   = "CN=Partitions,CN=Configuration,$($root.distinguishedName)"
        RootDomain            = $forest.rootDomain
        SchemaMaster          = $dc
        Sites                 = @('Default-First-Site-Name')
        SPNSuffixes           = @()
        UPNSuffixes           = @()
    }
}

function Get-ADDomain {
    [CmdletBinding()]
    param([Parameter(Position = 0)][object]$Identity, [string]$Server, [pscredential]$Credential, [string]$AuthType)
    $state = Get-LabState
    $asked = if ($Identity) { [string]$Identity } else { $Server }
    $domain = Find-ADLabDomain $state $asked
    if (-not $domain -and $Identity) { $domain = @($state.forest.domains | Where-Object { $_.distinguishedName -ieq $asked -and -not $_.unreachable })[0] }
    if (-not $domain) { Write-ADServerDown $PSCmdlet $asked; return }
    ConvertTo-ADLabDomainObject $state $domain
}

function ConvertTo-ADLabOuObject([string]$Dn, [string]$DomainName) {
    [pscustomobject]@{
        PSTypeName               = "$script:Management.ADOrganizationalUnit"
        City                     = $null
        Country                  = $null
        DistinguishedName        = $Dn
        LinkedGroupPolicyObjects = @()
        ManagedBy                = $null
        Name                     = Get-ADLabRdnValue $Dn
        ObjectClass              = 'organizationalUnit'
        ObjectGUID               = [guid]::new($script:OuHash.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Dn.ToUpperInvariant())))
        PostalCode               = $null
        State                    = $null
        StreetAddress            = $null
    }
}

# Supports -Filter '*' and the simple form  <Name|DistinguishedName> -eq|-ne|-like|-notlike '<value>'.
function New-ADLabOuFilter([string]$Filter) {
    $text = $Filter.Trim()
    if ($text -eq '*') { return @{ All = $true } }
    $simple = [regex]::Match($text, "^(?i)(Name|DistinguishedName)\s+-(eq|like|ne|notlike)\s+[""'](.*)[""']$")
    if (-not $simple.Success) { return $null }
    $value = $simple.Groups[3].Value
    @{
        All       = $false
        Attribute = $simple.Groups[1].Value
        Operator  = $simple.Groups[2].Value.ToLowerInvariant()
        Value     = $value
        Pattern   = [System.Management.Automation.WildcardPattern]::new($value, [System.Management.Automation.WildcardOptions]::IgnoreCase)
    }
}

function Test-ADLabOuFilter($Filter, [string]$Dn) {
    $subject = if ($Filter.Attribute -ieq 'Name') { Get-ADLabRdnValue $Dn } else { $Dn }
    switch ($Filter.Operator) {
        'eq' { $subject -ieq $Filter.Value }
        'ne' { $subject -ine $Filter.Value }
        'like' { $Filter.Pattern.IsMatch($subject) }
        default { -not $Filter.Pattern.IsMatch($subject) }
    }
}

# The search base must be the domain, one of its OUs, or a CN= container of the domain (e.g. CN=Users).
function Test-ADLabContainerExists($Domain, [string]$Base) {
    if ($Base -ieq $Domain.distinguishedName) { return $true }
    if (-not (Test-LabDnUnder $Base $Domain.distinguishedName)) { return $false }
    if ($Base.StartsWith('CN=', [StringComparison]::OrdinalIgnoreCase)) {
        # States seeded before the lab modelled the default containers have none listed.
        if ($null -eq $Domain.containers) { return $true }
        foreach ($container in $Domain.containers) { if ($container.dn -ieq $Base) { return $true } }
        return $false
    }
    foreach ($dn in (Get-LabDomainOus $Domain)) { if ($dn -ieq $Base) { return $true } }
    $false
}

function Get-ADOrganizationalUnit {
    [CmdletBinding(DefaultParameterSetName = 'Filter')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Filter')][string]$Filter,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Identity')][object]$Identity,
        [Parameter(ParameterSetName = 'Filter')][string]$SearchBase,
        [Parameter(ParameterSetName = 'Filter')][ValidateSet('Base', 'OneLevel', 'Subtree', '0', '1', '2')][string]$SearchScope = 'Subtree',
        [Parameter(ParameterSetName = 'Filter')][System.Nullable[int]]$ResultSetSize,
        [string[]]$Properties,
        [string]$Server,
        [pscredential]$Credential,
        [string]$AuthType
    )
    $state = Get-LabState
    $domain = Find-ADLabDomain $state $Server
    if (-not $domain) { Write-ADServerDown $PSCmdlet $Server; return }
    $ous = Get-LabDomainOus $domain
    $notFoundId = 'ActiveDirectoryCmdlet:Microsoft.ActiveDirectory.Management.ADIdentityNotFoundException'

    if ($PSCmdlet.ParameterSetName -eq 'Identity') {
        $wanted = if ($Identity -is [string]) { $Identity } else { [string]$Identity.DistinguishedName }
        foreach ($dn in $ous) { if ($dn -ieq $wanted) { return ConvertTo-ADLabOuObject $dn $domain.name } }
        $exception = [System.ArgumentException]::new("Cannot find an object with identity: '$wanted' under: '$($domain.distinguishedName)'.")
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId $notFoundId -Category ObjectNotFound -TargetObject $wanted))
        return
    }

    $test = New-ADLabOuFilter $Filter
    if ($null -eq $test) {
        $exception = [System.ArgumentException]::new("Error parsing query: '$Filter' (the lab supports '*' and Name/DistinguishedName -eq|-like 'value').")
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'ActiveDirectoryCmdlet:System.ArgumentException' -Category ParserError -TargetObject $Filter))
        return
    }
    $base = if ($SearchBase) { $SearchBase } else { $domain.distinguishedName }
    if (-not (Test-ADLabContainerExists $domain $base)) {
        $exception = [System.ArgumentException]::new('Directory object not found')
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId $notFoundId -Category ObjectNotFound -TargetObject $base))
        return
    }
    $scope = switch ($SearchScope) { '0' { 'Base' } '1' { 'OneLevel' } '2' { 'Subtree' } default { $SearchScope } }
    $suffix = ",$base"
    $all = $test.All
    $limit = if ($null -ne $ResultSetSize) { [int]$ResultSetSize } else { [int]::MaxValue }
    $count = 0
    $typeName = "$script:Management.ADOrganizationalUnit"
    $ignoreCase = [StringComparison]::OrdinalIgnoreCase
    # Hot loop for forests of tens of thousands of OUs: no function calls per OU.
    foreach ($dn in $ous) {
        if ($count -ge $limit) { break }
        $isBase = $dn.Equals($base, $ignoreCase)
        if ($scope -eq 'Base') { if (-not $isBase) { continue } }
        elseif ($scope -eq 'OneLevel') {
            if (-not $dn.EndsWith($suffix, $ignoreCase) -or $dn.IndexOf(',') -ne ($dn.Length - $suffix.Length)) { continue }
        }
        elseif (-not $isBase -and -not $dn.EndsWith($suffix, $ignoreCase)) { continue }
        if (-not $all -and -not (Test-ADLabOuFilter $test $dn)) { continue }
        $comma = $dn.IndexOf(',')
        $name = if ($dn.IndexOf('\') -lt 0 -and $comma -gt 3) { $dn.Substring(3, $comma - 3) } else { Get-ADLabRdnValue $dn }
        $count++
        [pscustomobject]@{
            PSTypeName               = $typeName
            City                     = $null
            Country                  = $null
            DistinguishedName        = $dn
            LinkedGroupPolicyObjects = @()
            ManagedBy                = $null
            Name                     = $name
            ObjectClass              = 'organizationalUnit'
            ObjectGUID               = [guid]::new($script:OuHash.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($dn.ToUpperInvariant())))
            PostalCode               = $null
            State                    = $null
            StreetAddress            = $null
        }
    }
}

# The objects Get-ADObject knows in the lab: each domain's root, its default containers and its OUs.
# OUs only when asked for: a scale forest has tens of thousands.
function Get-ADLabObjects($Domain, [bool]$IncludeOus) {
    [pscustomobject]@{ Dn = $Domain.distinguishedName; ObjectClass = 'domainDNS' }
    foreach ($container in @($Domain.containers)) { [pscustomobject]@{ Dn = $container.dn; ObjectClass = $container.objectClass } }
    if ($IncludeOus) { foreach ($dn in (Get-LabDomainOus $Domain)) { [pscustomobject]@{ Dn = $dn; ObjectClass = 'organizationalUnit' } } }
}

# An NTAccount stands in for the rule's IdentityReference (Windows principals do not exist off Windows).
function ConvertTo-ADLabAccessRule($Ace) {
    $identity = [pscustomobject]@{ PSTypeName = 'System.Security.Principal.NTAccount'; Value = $Ace.identityReference }
    $identity | Add-Member -MemberType ScriptMethod -Name ToString -Value { $this.Value } -Force
    [pscustomobject]@{
        PSTypeName            = 'System.DirectoryServices.ActiveDirectoryAccessRule'
        ActiveDirectoryRights = [System.DirectoryServices.ActiveDirectoryRights]$Ace.activeDirectoryRights
        InheritanceType       = [System.DirectoryServices.ActiveDirectorySecurityInheritance]$Ace.inheritanceType
        ObjectType            = [guid]$Ace.objectType
        InheritedObjectType   = [guid]$Ace.inheritedObjectType
        AccessControlType     = [System.Security.AccessControl.AccessControlType]$Ace.accessControlType
        IdentityReference     = $identity
        IsInherited           = [bool]$Ace.isInherited
    }
}

function ConvertTo-ADLabObject($Domain, $Item, [string[]]$Properties) {
    $object = [pscustomobject]@{
        PSTypeName        = "$script:Management.ADObject"
        DistinguishedName = $Item.Dn
        Name              = Get-ADLabRdnValue $Item.Dn
        ObjectClass       = $Item.ObjectClass
        ObjectGUID        = [guid]::new($script:OuHash.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Item.Dn.ToUpperInvariant())))
    }
    if (@($Properties) -contains 'nTSecurityDescriptor') {
        $aces = if ($Item.Dn -ieq $Domain.distinguishedName) { @($Domain.acl) } else { @() }
        $descriptor = [pscustomobject]@{ PSTypeName = 'System.DirectoryServices.ActiveDirectorySecurity'; Access = @($aces | ForEach-Object { ConvertTo-ADLabAccessRule $_ }) }
        $object | Add-Member -NotePropertyName nTSecurityDescriptor -NotePropertyValue $descriptor
    }
    $object
}

# Object classes of an LDAP filter of the forms (objectClass=x) and (|(objectClass=x)(objectClass=y)...), or of
# the -Filter forms '*' and "ObjectClass -eq 'x'"; $null for anything else.
function Get-ADLabClassFilter([string]$LdapFilter, [string]$Filter) {
    if ($PSBoundParameters.ContainsKey('Filter') -and $Filter) {
        if ($Filter.Trim() -eq '*') { return @('*') }
        $match = [regex]::Match($Filter.Trim(), "^(?i)ObjectClass\s+-eq\s+[""']([^""']+)[""']$")
        if ($match.Success) { return @($match.Groups[1].Value) }
        return $null
    }
    $text = $LdapFilter.Trim()
    $single = [regex]::Match($text, '^\((?i:objectClass)=([^()=*]+)\)$')
    if ($single.Success) { return @($single.Groups[1].Value) }
    $any = [regex]::Match($text, '^\(\|((?:\((?i:objectClass)=[^()=*]+\))+)\)$')
    if (-not $any.Success) { return $null }
    @([regex]::Matches($any.Groups[1].Value, '=([^()]+)\)') | ForEach-Object { $_.Groups[1].Value })
}

function Get-ADObject {
    [CmdletBinding(DefaultParameterSetName = 'Filter')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Filter')][string]$Filter,
        [Parameter(Mandatory, ParameterSetName = 'LdapFilter')][string]$LDAPFilter,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Identity')][object]$Identity,
        [Parameter(ParameterSetName = 'Filter')][Parameter(ParameterSetName = 'LdapFilter')][string]$SearchBase,
        [Parameter(ParameterSetName = 'Filter')][Parameter(ParameterSetName = 'LdapFilter')][ValidateSet('Base', 'OneLevel', 'Subtree', '0', '1', '2')][string]$SearchScope = 'Subtree',
        [Parameter(ParameterSetName = 'Filter')][Parameter(ParameterSetName = 'LdapFilter')][System.Nullable[int]]$ResultSetSize,
        [string[]]$Properties,
        [string]$Server,
        [pscredential]$Credential,
        [string]$AuthType
    )
    $state = Get-LabState
    $domain = Find-ADLabDomain $state $Server
    if (-not $domain) { Write-ADServerDown $PSCmdlet $Server; return }
    $notFoundId = 'ActiveDirectoryCmdlet:Microsoft.ActiveDirectory.Management.ADIdentityNotFoundException'

    if ($PSCmdlet.ParameterSetName -eq 'Identity') {
        $objects = @(Get-ADLabObjects $domain $true)
        $wanted = if ($Identity -is [string]) { $Identity } else { [string]$Identity.DistinguishedName }
        $found = @($objects | Where-Object { $_.Dn -ieq $wanted })[0]
        if ($found) { return ConvertTo-ADLabObject $domain $found $Properties }
        $exception = [System.ArgumentException]::new("Cannot find an object with identity: '$wanted' under: '$($domain.distinguishedName)'.")
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId $notFoundId -Category ObjectNotFound -TargetObject $wanted))
        return
    }

    $classes = if ($PSCmdlet.ParameterSetName -eq 'Filter') { Get-ADLabClassFilter -Filter $Filter } else { Get-ADLabClassFilter -LdapFilter $LDAPFilter }
    if ($null -eq $classes) {
        $text = if ($PSCmdlet.ParameterSetName -eq 'Filter') { $Filter } else { $LDAPFilter }
        $exception = [System.ArgumentException]::new('The search filter cannot be recognized')
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'ActiveDirectoryCmdlet:System.ArgumentException' -Category InvalidArgument -TargetObject $text))
        return
    }
    $base = if ($SearchBase) { $SearchBase } else { $domain.distinguishedName }
    $baseIsOu = -not ($base -ieq $domain.distinguishedName) -and -not (@($domain.containers) | Where-Object { $_.dn -ieq $base })
    $objects = @(Get-ADLabObjects $domain ($baseIsOu -or $classes -contains '*' -or $classes -contains 'organizationalUnit'))
    if (-not (@($objects | Where-Object { $_.Dn -ieq $base }))) {
        $exception = [System.ArgumentException]::new('Directory object not found')
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId $notFoundId -Category ObjectNotFound -TargetObject $base))
        return
    }
    $scope = switch ($SearchScope) { '0' { 'Base' } '1' { 'OneLevel' } '2' { 'Subtree' } default { $SearchScope } }
    $limit = if ($null -ne $ResultSetSize) { [int]$ResultSetSize } else { [int]::MaxValue }
    $count = 0
    foreach ($item in $objects) {
        if ($count -ge $limit) { break }
        $isBase = $item.Dn -ieq $base
        $under = $item.Dn.EndsWith(",$base", [StringComparison]::OrdinalIgnoreCase)
        $inScope = switch ($scope) {
            'Base' { $isBase }
            'OneLevel' { $under -and (Get-ADLabParentDn $item.Dn) -ieq $base }
            default { $isBase -or $under }
        }
        if (-not $inScope) { continue }
        if ($classes -notcontains '*' -and -not ($classes | Where-Object { $_ -ieq $item.ObjectClass })) { continue }
        $count++
        ConvertTo-ADLabObject $domain $item $Properties
    }
}

# Everything after the first unescaped comma.
function Get-ADLabParentDn([string]$Dn) {
    $match = [regex]::Match($Dn, '^(?:\\.|[^,\\])*,(.*)$')
    if ($match.Success) { return $match.Groups[1].Value }
    $null
}

# Get-ADUser, as Troubleshoot uses it: -Identity (DN, GUID, SID or sAMAccountName) or an -LDAPFilter that is
# one equality on userPrincipalName or sAMAccountName with RFC 4515 escapes; any other filter is refused as
# unrecognized (the lab models no more). Default properties of the real cmdlet, in its order.
function Get-ADUser {
    [CmdletBinding(DefaultParameterSetName = 'Filter')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Filter')][string]$Filter,
        [Parameter(Mandatory, ParameterSetName = 'LdapFilter')][string]$LDAPFilter,
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Identity')][object]$Identity,
        [string[]]$Properties,
        [string]$Server,
        [pscredential]$Credential
    )
    $state = Get-LabState
    $domain = Find-ADLabDomain $state $Server
    if (-not $domain) { Write-ADServerDown $PSCmdlet $Server; return }
    $users = @($state.forest.users | Where-Object { $_.domain -ieq $domain.name })
    if ($PSCmdlet.ParameterSetName -eq 'Identity') {
        $wanted = [string]$Identity
        $found = @($users | Where-Object { $_.distinguishedName -ieq $wanted -or $_.objectGuid -ieq $wanted -or $_.objectSid -ieq $wanted -or $_.samAccountName -ieq $wanted })
        if ($found.Count -eq 0) {
            $exception = [System.ArgumentException]::new("Cannot find an object with identity: '$wanted' under: '$($domain.distinguishedName)'.")
            $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'ActiveDirectoryCmdlet:Microsoft.ActiveDirectory.Management.ADIdentityNotFoundException' -Category ObjectNotFound -TargetObject $wanted))
            return
        }
    }
    else {
        $text = if ($PSCmdlet.ParameterSetName -eq 'Filter') { '' } else { $LDAPFilter }
        $equality = [regex]::Match($text, '^\((userPrincipalName|sAMAccountName)=((?:\\[0-9a-fA-F]{2}|[^()*\\\x00])+)\)$', 'IgnoreCase')
        if (-not $equality.Success) {
            $exception = [System.ArgumentException]::new('The search filter cannot be recognized')
            $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'ActiveDirectoryCmdlet:System.ArgumentException' -Category InvalidArgument -TargetObject $text))
            return
        }
        $bytes = [System.Collections.Generic.List[byte]]::new()
        $raw = $equality.Groups[2].Value
        for ($i = 0; $i -lt $raw.Length; $i++) {
            if ($raw[$i] -eq [char]'\') { $bytes.Add([Convert]::ToByte($raw.Substring($i + 1, 2), 16)); $i += 2 }
            else { foreach ($b in [System.Text.Encoding]::UTF8.GetBytes([string]$raw[$i])) { $bytes.Add($b) } }
        }
        $value = [System.Text.Encoding]::UTF8.GetString($bytes.ToArray())
        $attribute = if ($equality.Groups[1].Value -ieq 'userPrincipalName') { 'userPrincipalName' } else { 'samAccountName' }
        $found = @($users | Where-Object { [string]$_[$attribute] -ieq $value })
    }
    foreach ($user in $found) {
        $object = [pscustomobject][ordered]@{
            DistinguishedName = $user.distinguishedName
            Enabled           = [bool]$user.enabled
            GivenName         = $user.givenName
            Name              = Get-ADLabRdnValue $user.distinguishedName
            ObjectClass       = 'user'
            ObjectGUID        = [guid]$user.objectGuid
            SamAccountName    = $user.samAccountName
            SID               = $user.objectSid
            Surname           = $user.sn
            UserPrincipalName = $user.userPrincipalName
        }
        $object.PSObject.TypeNames.Insert(0, "$script:Management.ADUser")
        $object
    }
}

Export-ModuleMember -Function 'Get-ADForest', 'Get-ADDomain', 'Get-ADOrganizationalUnit', 'Get-ADObject', 'Get-ADUser'
