# The lab Active Directory forest: a deterministic contoso.com with OUs, users and groups,
# the OU filter (scope) rules of the AD connector, and the user -> cloud user projection.

$script:LabFirstNames = @('Adele', 'Alex', 'Allan', 'Bianca', 'Brian', 'Camille', 'Chris', 'Debra', 'Diego', 'Emily',
    'Enrico', 'Grady', 'Henrietta', 'Irvin', 'Isaiah', 'Johanna', 'Joni', 'Lee', 'Lidia', 'Lynne',
    'Megan', 'Miriam', 'Nestor', 'Patti', 'Pradeep', 'Raul', 'Sanjay', 'Sofia', 'Tomasz', 'Zrinka')
$script:LabLastNames = @('Vance', 'Wilber', 'Deyoung', 'Pai', 'Johnson', 'Lambert', 'Green', 'Berg', 'Siciliani', 'Bryant',
    'Cea', 'Archie', 'Mueller', 'Bellew', 'Travers', 'Lauer', 'Sherman', 'Gu', 'Holloway', 'Robbins',
    'Bowen', 'Graham', 'Wilke', 'Fernandez', 'Gupta', 'Razi', 'Kapoor', 'Nakamura', 'Kowalski', 'Horvat')
$script:LabDepartments = @(
    @{ Name = 'Sales'; Title = 'Account Executive' },
    @{ Name = 'Engineering'; Title = 'Software Engineer' },
    @{ Name = 'Finance'; Title = 'Financial Analyst' },
    @{ Name = 'Human Resources'; Title = 'HR Generalist' },
    @{ Name = 'Marketing'; Title = 'Marketing Specialist' })
$script:LabPlaces = @(
    @{ City = 'Seattle'; C = 'US'; Co = 'United States' },
    @{ City = 'London'; C = 'GB'; Co = 'United Kingdom' },
    @{ City = 'Munich'; C = 'DE'; Co = 'Germany' },
    @{ City = 'Amsterdam'; C = 'NL'; Co = 'Netherlands' },
    @{ City = 'Lyon'; C = 'FR'; Co = 'France' })

$script:LabDomainSid = 'S-1-5-21-3623811015-3361044348-30300820'

# The containers every Windows Server 2016 domain has under its root, with their object classes
# (OUs such as Domain Controllers are in `ous`). The lab models them one level deep only.
$script:LabDefaultContainers = @(
    @('Builtin', 'builtinDomain'), @('Computers', 'container'), @('ForeignSecurityPrincipals', 'container'),
    @('Infrastructure', 'infrastructureUpdate'), @('Keys', 'container'), @('LostAndFound', 'lostAndFound'),
    @('Managed Service Accounts', 'container'), @('NTDS Quotas', 'msDS-QuotaContainer'), @('Program Data', 'container'),
    @('System', 'container'), @('TPM Devices', 'msTPM-InformationObjectsContainer'), @('Users', 'container'))

# Schema and extended-right GUIDs of the rights the AD DS connector account needs (lab/README.md, "Directory permissions").
$script:LabRight = @{
    ReplicatingChanges    = '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2'
    ReplicatingChangesAll = '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2'
    ResetPassword         = '00299570-246d-11d0-a768-00aa006e0529'
    LockoutTime           = '28630ebf-41d5-11d1-a9c1-0000f80367c1'
    PwdLastSet            = 'bf967a0a-0de6-11d0-a285-00aa003049e2'
    UserClass             = 'bf967aba-0de6-11d0-a285-00aa003049e2'
}

function New-LabAce([string]$Identity, [string]$Rights, [string]$ObjectType, [string]$InheritanceType, [string]$InheritedObjectType) {
    $empty = [guid]::Empty.ToString()
    [ordered]@{
        identityReference   = $Identity
        activeDirectoryRights = $Rights
        accessControlType   = 'Allow'
        objectType          = if ($ObjectType) { $ObjectType } else { $empty }
        inheritedObjectType = if ($InheritedObjectType) { $InheritedObjectType } else { $empty }
        inheritanceType     = $InheritanceType
        isInherited         = $false
    }
}

# What an express installation grants the AD DS connector account on a domain root: the replication rights
# of password hash sync and what Set-ADSyncPasswordWritebackPermissions grants (reset password, write
# lockoutTime and pwdLastSet on descendant users); not Change password and Unexpire Password.
function New-LabDomainAcl([string]$NetBios, [string]$ConnectorAccount) {
    $account = "$NetBios\$ConnectorAccount"
    @(
        (New-LabAce 'NT AUTHORITY\SYSTEM' 'GenericAll' $null 'None' $null),
        (New-LabAce "$NetBios\Domain Admins" 'CreateChild, Self, WriteProperty, ExtendedRight, Delete, GenericRead, WriteDacl, WriteOwner' $null 'None' $null),
        (New-LabAce $account 'ExtendedRight' $script:LabRight.ReplicatingChanges 'None' $null),
        (New-LabAce $account 'ExtendedRight' $script:LabRight.ReplicatingChangesAll 'None' $null),
        (New-LabAce $account 'ExtendedRight' $script:LabRight.ResetPassword 'Descendents' $script:LabRight.UserClass),
        (New-LabAce $account 'WriteProperty' $script:LabRight.LockoutTime 'Descendents' $script:LabRight.UserClass),
        (New-LabAce $account 'WriteProperty' $script:LabRight.PwdLastSet 'Descendents' $script:LabRight.UserClass)
    )
}

function New-LabDomain([string]$Fqdn, [string]$NetBios, [string]$DomainSid, [string[]]$Ous, [string]$ConnectorAccount = 'MSOL_d1edb676ca03') {
    $dn = ($Fqdn.Split('.') | ForEach-Object { "DC=$_" }) -join ','
    [ordered]@{
        name              = $Fqdn
        netBiosName       = $NetBios
        distinguishedName = $dn
        objectGuid        = (New-LabStableGuid "lab-domain:$Fqdn").ToString()
        domainSid         = $DomainSid
        ous               = $Ous
        containers        = @($script:LabDefaultContainers | ForEach-Object { [ordered]@{ dn = "CN=$($_[0]),$dn"; objectClass = $_[1] } })
        acl               = @(New-LabDomainAcl $NetBios $ConnectorAccount)
    }
}

function New-LabContosoForest {
    $root = 'DC=contoso,DC=com'
    $departmentOus = $script:LabDepartments | ForEach-Object { "OU=$($_.Name),OU=Users,OU=CORP,$root" }
    $ous = @(
        "OU=Domain Controllers,$root",
        "OU=CORP,$root",
        "OU=Users,OU=CORP,$root") + $departmentOus + @(
        "OU=Groups,OU=CORP,$root",
        "OU=Service Accounts,OU=CORP,$root",
        "OU=Contractors,$root",
        "OU=Staging,$root",
        "OU=Disabled Users,$root")

    $users = [System.Collections.Generic.List[object]]::new()
    $seen = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    $administrator = New-LabUser -Index 9000 -GivenName $null -Surname $null -Sam 'Administrator' -Ou "CN=Users,$root" -Department $null -Title $null -Place $null -Rid 500
    $administrator.isCriticalSystemObject = $true
    $users.Add($administrator)
    $users.Add((New-LabUser -Index 9001 -GivenName $null -Surname $null -Sam 'MSOL_d1edb676ca03' -Ou "CN=Users,$root" -Department $null -Title $null -Place $null -Rid 1103))
    for ($i = 0; $i -lt 300; $i++) {
        $given = $script:LabFirstNames[$i % 30]
        $surname = $script:LabLastNames[([math]::Floor($i / 30) + $i * 7) % 30]
        $sam = "$given.$surname".ToLowerInvariant()
        if (-not $seen.Add($sam)) { $sam = "$sam$i"; [void]$seen.Add($sam) }
        $department = $script:LabDepartments[$i % 5]
        $ou = if ($i -lt 200) { $departmentOus[$i % 5] }
        elseif ($i -lt 260) { "OU=Contractors,$root" }
        elseif ($i -lt 290) { "OU=Staging,$root" }
        else { "OU=Disabled Users,$root" }
        # Every fourth user has no location: license assignment needs a usage location for them.
        $place = if ($i % 4 -eq 3) { $null } else { $script:LabPlaces[$i % 5] }
        $users.Add((New-LabUser -Index $i -GivenName $given -Surname $surname -Sam $sam -Ou $ou -Department $department.Name -Title $department.Title -Place $place -Rid (1200 + $i)))
    }

    $groups = [System.Collections.Generic.List[object]]::new()
    $groupOu = "OU=Groups,OU=CORP,$root"
    $rid = 3000
    foreach ($department in $script:LabDepartments) {
        $members = @($users | Where-Object { $_.department -eq $department.Name -and $_.distinguishedName -like '*OU=CORP,*' } | ForEach-Object { $_.objectGuid })
        $groups.Add((New-LabGroup -Name "$($department.Name) Team" -Ou $groupOu -Members $members -Rid ($rid++)))
    }
    $groups.Add((New-LabGroup -Name 'All Staff' -Ou $groupOu -Members @($users | Where-Object { $_.distinguishedName -like '*OU=CORP,*' } | ForEach-Object { $_.objectGuid }) -Rid ($rid++)))
    $groups.Add((New-LabGroup -Name 'Sync Admins' -Ou $groupOu -Members @($users[2].objectGuid, $users[3].objectGuid) -Rid ($rid++)))
    $groups.Add((New-LabGroup -Name 'Contractors' -Ou "OU=Contractors,$root" -Members @($users | Where-Object { $_.distinguishedName -like '*OU=Contractors,*' } | ForEach-Object { $_.objectGuid }) -Rid ($rid++)))
    $groups.Add((New-LabGroup -Name 'Domain Admins' -Ou "CN=Users,$root" -Members @($users[0].objectGuid) -Rid 512))

    [ordered]@{
        name       = 'contoso.com'
        rootDomain = 'contoso.com'
        forestMode = 'Windows2016Forest'
        domains    = @(New-LabDomain 'contoso.com' 'CONTOSO' $script:LabDomainSid $ous)
        users      = $users.ToArray()
        groups     = $groups.ToArray()
    }
}

function New-LabUser {
    param([int]$Index, $GivenName, $Surname, [string]$Sam, [string]$Ou, $Department, $Title, $Place, [int]$Rid)
    $display = if ($GivenName) { "$GivenName $Surname" } else { $Sam }
    [ordered]@{
        objectGuid        = (New-LabStableGuid "lab-user:contoso.com:$Index").ToString()
        objectSid         = "$script:LabDomainSid-$Rid"
        samAccountName    = $Sam
        userPrincipalName = "$Sam@contoso.com"
        givenName         = $GivenName
        sn                = $Surname
        displayName       = $display
        # A few users have no mailbox.
        mail              = if ($GivenName -and ($Index % 9 -ne 4)) { "$Sam@contoso.com" } else { $null }
        department        = $Department
        title             = $Title
        l                 = if ($Place) { $Place.City } else { $null }
        c                 = if ($Place) { $Place.C } else { $null }
        co                = if ($Place) { $Place.Co } else { $null }
        distinguishedName = "CN=$display,$Ou"
        domain            = 'contoso.com'
        enabled           = -not $Ou.StartsWith('OU=Disabled Users')
    }
}

function New-LabGroup([string]$Name, [string]$Ou, [string[]]$Members, [int]$Rid) {
    [ordered]@{
        objectGuid        = (New-LabStableGuid "lab-group:contoso.com:$Name").ToString()
        objectSid         = "$script:LabDomainSid-$Rid"
        samAccountName    = $Name
        displayName       = $Name
        distinguishedName = "CN=$Name,$Ou"
        domain            = 'contoso.com'
        members           = @($Members)
    }
}

# The OU filter: the most specific inclusion or exclusion above an object decides.
function Test-LabDnInScope([string]$Dn, $Partition) {
    if (-not $Partition.selected) { return $false }
    $inclusions = @($Partition.containerInclusionList)
    $exclusions = @($Partition.containerExclusionList)
    if ($inclusions.Count -eq 0 -and $exclusions.Count -eq 0) { return $true }
    $best = -1
    $included = $false
    foreach ($entry in $inclusions) {
        if ((Test-LabDnUnder $Dn $entry) -and $entry.Length -gt $best) { $best = $entry.Length; $included = $true }
    }
    foreach ($entry in $exclusions) {
        if ((Test-LabDnUnder $Dn $entry) -and $entry.Length -ge $best) { $best = $entry.Length; $included = $false }
    }
    $included
}

function Test-LabDnUnder([string]$Dn, [string]$Container) {
    if ([string]::IsNullOrEmpty($Container)) { return $false }
    $Dn.Equals($Container, [StringComparison]::OrdinalIgnoreCase) -or $Dn.EndsWith(",$Container", [StringComparison]::OrdinalIgnoreCase)
}

function Get-LabAdConnector($State) {
    @($State.connectors | Where-Object { $_.type -eq 'AD' })
}

function Find-LabPartitionForDn($State, [string]$Dn) {
    foreach ($connector in (Get-LabAdConnector $State)) {
        foreach ($partition in $connector.partitions) {
            if (Test-LabDnUnder $Dn $partition.dn) { return $partition }
        }
    }
    $null
}

function Get-LabInScopeUsers($State) {
    $result = [System.Collections.Generic.List[object]]::new()
    foreach ($user in $State.forest.users) {
        $partition = Find-LabPartitionForDn $State $user.distinguishedName
        if ($partition -and (Test-LabDnInScope $user.distinguishedName $partition) -and -not (Test-LabCloudFiltered $user)) { $result.Add($user) }
    }
    , $result.ToArray()
}

# The standard rule "In from AD - User Common" sets cloudFiltered for critical system objects and MSOL_
# accounts (seed rule expressions), so they are imported but never exported.
function Test-LabCloudFiltered($User) {
    [bool]$User.isCriticalSystemObject -or ([string]$User.samAccountName).StartsWith('MSOL_', [StringComparison]::OrdinalIgnoreCase)
}

function ConvertTo-LabCloudUser($User) {
    $guid = [guid]$User.objectGuid
    [ordered]@{
        immutableId                 = [Convert]::ToBase64String($guid.ToByteArray())
        objectGuid                  = $guid.ToString()
        userPrincipalName           = $User.userPrincipalName
        displayName                 = $User.displayName
        givenName                   = $User.givenName
        surname                     = $User.sn
        mail                        = $User.mail
        department                  = $User.department
        jobTitle                    = $User.title
        city                        = $User.l
        country                     = $User.co
        onPremisesSamAccountName    = $User.samAccountName
        onPremisesDistinguishedName = $User.distinguishedName
        onPremisesDomainName        = $User.domain
    }
}

# A scale forest keeps each domain's OUs in a file of their own beside the state, named by the domain's `ousFile`:
# on a real server the forest's size does not slow the sync server's cmdlets, and here the state file every
# ADSync cmdlet parses would otherwise carry tens of thousands of DNs. Read once per module until the file changes.
$script:LabOuFiles = @{}

function Get-LabDomainOus($Domain) {
    if ([string]::IsNullOrEmpty([string]$Domain.ousFile)) {
        if ($null -eq $Domain.ous) { return , [string[]]@() }
        return , @($Domain.ous)
    }
    $path = Join-Path (Get-LabFolder) ([System.IO.Path]::GetFileName([string]$Domain.ousFile))
    $key = Get-LabFileKey $path
    if ($null -eq $key) { throw [System.IO.FileNotFoundException]::new("The lab forest's OU file is missing: $path") }
    $cached = $script:LabOuFiles[$path]
    if ($cached -and $cached.Key -eq $key) { return , $cached.Ous }
    $ous = [string[]]@(ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($path)))
    $script:LabOuFiles[$path] = @{ Key = $key; Ous = $ous }
    , $ous
}

# Moves a domain's OUs out of the state into its file (written whole, then renamed over the old one).
function Move-LabDomainOusToFile($Domain) {
    $name = "ad-organizational-units-$($Domain.name).json"
    $path = Join-Path (Get-LabFolder) $name
    $temp = "$path.$PID.tmp"
    [System.IO.File]::WriteAllText($temp, (ConvertTo-Json -InputObject ([string[]]@($Domain.ous)) -Compress), [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $path, $true)
    $Domain.ousFile = $name
    $Domain.ous = @()
}

# Scale lab: a forest of many OUs over several domains, built as plain DN strings (fast to write and read).
function New-LabLargeForestDomains([int]$OuCount, [int]$DomainCount, $ExistingRoot) {
    $names = @('contoso.com') + @(1..([math]::Max(0, $DomainCount - 1)) | ForEach-Object { "region$_.contoso.com" })
    $names = $names[0..($DomainCount - 1)]
    $perDomain = [math]::Floor($OuCount / $DomainCount)
    $remainder = $OuCount - $perDomain * $DomainCount
    $domains = [System.Collections.Generic.List[object]]::new()
    for ($d = 0; $d -lt $DomainCount; $d++) {
        $fqdn = $names[$d]
        $domainDn = ($fqdn.Split('.') | ForEach-Object { "DC=$_" }) -join ','
        $count = $perDomain + $(if ($d -lt $remainder) { 1 } else { 0 })
        $ous = [System.Collections.Generic.List[string]]::new($count)
        if ($d -eq 0 -and $ExistingRoot) { foreach ($ou in (Get-LabDomainOus $ExistingRoot)) { if ($ous.Count -lt $count) { $ous.Add($ou) } } }
        # Three levels: regions > sites > teams, about 20 regions of 25 sites each per domain.
        $region = 0; $site = 0; $team = 0
        while ($ous.Count -lt $count) {
            $regionDn = "OU=Region $region,$domainDn"
            if ($site -eq 0 -and $team -eq 0) { $ous.Add($regionDn); $site = 1; continue }
            $siteDn = "OU=Site $site,$regionDn"
            if ($team -eq 0) { $ous.Add($siteDn); $team = 1; continue }
            $ous.Add("OU=Team $team,$siteDn")
            $team++
            if ($team -gt 4) { $team = 0; $site++ }
            if ($site -gt 25) { $site = 0; $region++ }
        }
        $netBios = $fqdn.Split('.')[0].ToUpperInvariant()
        $sid = if ($d -eq 0) { $script:LabDomainSid } else { "S-1-5-21-3623811015-3361044348-$(30300820 + $d)" }
        $domains.Add((New-LabDomain $fqdn $netBios $sid $ous.ToArray()))
    }
    , $domains.ToArray()
}
