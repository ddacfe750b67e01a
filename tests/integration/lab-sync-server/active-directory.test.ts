import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabFolder, removeLabFolder, runLab } from './lab-pwsh';

let folder = '';

beforeAll(async () => {
  folder = await makeLabFolder();
});

afterAll(async () => {
  await removeLabFolder(folder);
});

describe('lab ActiveDirectory cmdlets', () => {
  it('reads the lab forest, domain and OUs', async () => {
    const run = await runLab(
      `
      $forest = Get-ADForest
      $domain = Get-ADDomain -Server 'contoso.com'
      $ous = @(Get-ADOrganizationalUnit -Filter '*' -Server 'contoso.com')
      Get-ADOrganizationalUnit -Filter * -Server 'nosuch.example' -ErrorVariable down -ErrorAction SilentlyContinue
      Out-LabJson ([ordered]@{
        forest = [ordered]@{ name = $forest.Name; root = $forest.RootDomain; domains = $forest.Domains }
        domain = [ordered]@{ dn = $domain.DistinguishedName; netbios = $domain.NetBIOSName; dnsRoot = $domain.DNSRoot }
        ouShape = Get-LabShape $ous[0]
        ouNames = @($ous | ForEach-Object Name)
        corpChildren = @(Get-ADOrganizationalUnit -Filter * -SearchBase 'OU=CORP,DC=contoso,DC=com' -SearchScope OneLevel | ForEach-Object DistinguishedName)
        byName = @(Get-ADOrganizationalUnit -Filter "Name -like 'S*'" | ForEach-Object Name)
        down = $down[0].Exception.Message
        stableGuid = (Get-ADOrganizationalUnit -Identity 'OU=CORP,DC=contoso,DC=com').ObjectGUID -eq (Get-ADOrganizationalUnit -Identity 'OU=CORP,DC=contoso,DC=com').ObjectGUID
      })
      `,
      { folder, modules: ['ActiveDirectory'] },
    );
    expect(run.stderr).toBe('');
    const out = run.json as Record<string, unknown>;
    expect(out['forest']).toEqual({ name: 'contoso.com', root: 'contoso.com', domains: ['contoso.com'] });
    expect(out['domain']).toEqual({ dn: 'DC=contoso,DC=com', netbios: 'CONTOSO', dnsRoot: 'contoso.com' });
    expect((out['ouShape'] as Array<{ name: string }>).map((p) => p.name)).toEqual([
      'City', 'Country', 'DistinguishedName', 'LinkedGroupPolicyObjects', 'ManagedBy', 'Name', 'ObjectClass', 'ObjectGUID',
      'PostalCode', 'State', 'StreetAddress',
    ]);
    expect(out['ouNames']).toContain('CORP');
    expect(out['ouNames']).toContain('Contractors');
    expect(out['corpChildren']).toEqual([
      'OU=Users,OU=CORP,DC=contoso,DC=com',
      'OU=Groups,OU=CORP,DC=contoso,DC=com',
      'OU=Service Accounts,OU=CORP,DC=contoso,DC=com',
    ]);
    expect(out['byName']).toEqual(['Sales', 'Service Accounts', 'Staging']);
    expect(out['down']).toBe(
      'Unable to contact the server. This may be because this server does not exist, it is currently down, or it does not have the Active Directory Web Services running.',
    );
    expect(out['stableGuid']).toBe(true);
  });

  it('fails every cmdlet aimed at a domain whose domain controllers are down, as the real module does, until they answer again', async () => {
    const own = await makeLabFolder();
    try {
      const run = await runLab(
        `
        function Get-Failure([scriptblock]$Call) {
          try { $null = & $Call; 'answered' } catch { [ordered]@{ id = $_.FullyQualifiedErrorId; category = [string]$_.CategoryInfo.Category; message = $_.Exception.Message } }
        }
        Set-ADSyncLabDomainReachable -Domain 'contoso.com' -Reachable $false
        $down = [ordered]@{
          ous = Get-Failure { Get-ADOrganizationalUnit -Filter '*' -SearchBase 'DC=contoso,DC=com' -Server 'contoso.com' -ErrorAction Stop }
          containers = Get-Failure { Get-ADObject -LDAPFilter '(objectClass=container)' -SearchBase 'DC=contoso,DC=com' -SearchScope OneLevel -Server 'contoso.com' -ErrorAction Stop }
          domainByDn = Get-Failure { Get-ADDomain -Identity 'DC=contoso,DC=com' -ErrorAction Stop }
          forestWithoutServer = Get-Failure { Get-ADForest -ErrorAction Stop }
          connectorPartitions = @((Get-ADSyncConnector -Name 'contoso.com').Partitions).Count
        }
        Set-ADSyncLabDomainReachable -Domain 'contoso.com' -Reachable $true
        Out-LabJson ([ordered]@{
          down = $down
          upAgain = @(Get-ADOrganizationalUnit -Filter '*' -Server 'contoso.com').Count
          unknown = Get-Failure { Set-ADSyncLabDomainReachable -Domain 'nosuch.example' -Reachable $false }
        })
        `,
        { folder: own, modules: ['ADSync', 'ActiveDirectory'] },
      );
      expect(run.stderr).toBe('');
      const out = run.json as {
        down: Record<string, { id: string; category: string; message: string } | number>;
        upAgain: number;
        unknown: { message: string };
      };
      const serverDown = {
        category: 'ResourceUnavailable',
        message: 'Unable to contact the server. This may be because this server does not exist, it is currently down, or it does not have the Active Directory Web Services running.',
      };
      expect(out.down['ous']).toEqual({ id: 'ActiveDirectoryServer:0,Get-ADOrganizationalUnit', ...serverDown });
      expect(out.down['containers']).toEqual({ id: 'ActiveDirectoryServer:0,Get-ADObject', ...serverDown });
      expect(out.down['domainByDn']).toEqual({ id: 'ActiveDirectoryServer:0,Get-ADDomain', ...serverDown });
      // Without -Server the module looks for a domain controller of the computer's domain (the lab's root domain), and finds none.
      expect(out.down['forestWithoutServer']).toEqual({
        id: 'ActiveDirectoryServer:1355,Get-ADForest',
        category: 'ResourceUnavailable',
        message: 'Unable to find a default server with Active Directory Web Services running.',
      });
      // The sync engine's own cmdlets do not ask a domain controller.
      expect(out.down['connectorPartitions']).toBe(1);
      expect(out.upAgain).toBeGreaterThan(5);
      expect(out.unknown.message).toBe("The lab forest has no domain 'nosuch.example'.");
    } finally {
      await removeLabFolder(own);
    }
  });

  it('generates a forest of 50,000 OUs over four domains', async () => {
    const run = await runLab(
      `
      $summary = New-ADSyncLabLargeForest -OuCount 50000 -DomainCount 4
      $counts = [ordered]@{}
      foreach ($d in (Get-ADForest).Domains) { $counts[$d] = @(Get-ADOrganizationalUnit -Filter * -Server $d).Count }
      Out-LabJson ([ordered]@{ ouCount = $summary.OuCount; counts = $counts; partitions = @((Get-ADSyncConnector -Name 'contoso.com').Partitions | ForEach-Object DN) })
      `,
      { folder, modules: ['ADSync', 'ActiveDirectory'] },
    );
    expect(run.stderr).toBe('');
    const out = run.json as { ouCount: number; counts: Record<string, number>; partitions: string[] };
    expect(out.ouCount).toBe(50000);
    expect(Object.keys(out.counts)).toEqual(['contoso.com', 'region1.contoso.com', 'region2.contoso.com', 'region3.contoso.com']);
    expect(Object.values(out.counts).reduce((a, b) => a + b, 0)).toBe(50000);
    expect(out.partitions).toHaveLength(4);
    // As on a real server, the forest's size does not weigh on the sync server's cmdlets: its OUs are not in their state.
    expect(readFileSync(path.join(folder, 'sync-server-state.json'), 'utf8')).not.toContain('OU=Team 1,OU=Site 1,OU=Region 0');
  });

  it('lists the default containers and the access rules of the domain root with Get-ADObject, as strictly as the real cmdlet', async () => {
    // Its own folder: the scale test above grows the shared one.
    const own = await makeLabFolder();
    const run = await runLab(
      `
      $containers = @(Get-ADObject -LDAPFilter '(|(objectClass=container)(objectClass=builtinDomain))' -SearchBase 'DC=contoso,DC=com' -SearchScope OneLevel)
      $root = Get-ADObject -Identity 'DC=contoso,DC=com' -Properties nTSecurityDescriptor
      $rule = @($root.nTSecurityDescriptor.Access | Where-Object { $_.IdentityReference.Value -eq 'CONTOSO\\MSOL_d1edb676ca03' })[2]
      Get-ADObject -LDAPFilter '(cn=*)' -ErrorVariable badFilter -ErrorAction SilentlyContinue
      Get-ADObject -Filter * -SearchBase 'CN=Nowhere,DC=contoso,DC=com' -ErrorVariable noBase -ErrorAction SilentlyContinue
      Out-LabJson ([ordered]@{
        containers = @($containers | ForEach-Object { "$($_.Name):$($_.ObjectClass)" })
        shape = @($containers[0].PSObject.Properties | ForEach-Object Name)
        ouCount = @(Get-ADObject -Filter "ObjectClass -eq 'organizationalUnit'").Count
        rule = [ordered]@{ rights = [string]$rule.ActiveDirectoryRights; objectType = [string]$rule.ObjectType; inheritance = [string]$rule.InheritanceType; inherited = [string]$rule.InheritedObjectType }
        noAclOnContainer = @((Get-ADObject -Identity 'CN=Users,DC=contoso,DC=com' -Properties nTSecurityDescriptor).nTSecurityDescriptor.Access).Count
        badFilter = $badFilter[0].Exception.Message
        noBase = $noBase[0].Exception.Message
      })
      `,
      { folder: own, modules: ['ActiveDirectory'] },
    );
    await removeLabFolder(own);
    expect(run.stderr).toBe('');
    const out = run.json as Record<string, unknown>;
    expect(out['containers']).toEqual([
      'Builtin:builtinDomain', 'Computers:container', 'ForeignSecurityPrincipals:container', 'Keys:container',
      'Managed Service Accounts:container', 'Program Data:container', 'System:container', 'Users:container',
    ]);
    expect(out['shape']).toEqual(['DistinguishedName', 'Name', 'ObjectClass', 'ObjectGUID']);
    expect(out['ouCount']).toBe(13);
    expect(out['rule']).toEqual({ rights: 'ExtendedRight', objectType: '00299570-246d-11d0-a768-00aa006e0529', inheritance: 'Descendents', inherited: 'bf967aba-0de6-11d0-a285-00aa003049e2' });
    expect(out['noAclOnContainer']).toBe(0);
    expect(out['badFilter']).toBe('The search filter cannot be recognized');
    expect(out['noBase']).toBe('Directory object not found');
  });
});
