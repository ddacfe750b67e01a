import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabFolder, removeLabFolder, runLab, toBase64 } from './lab-pwsh';

let folder = '';

beforeAll(async () => {
  folder = await makeLabFolder();
});

afterAll(async () => {
  await removeLabFolder(folder);
});

interface ErrorInfo {
  message: string;
  id: string;
  category: string;
}

const errorInfo = `function Get-ErrorInfo($e) { [ordered]@{ message = $e.Exception.Message; id = $e.FullyQualifiedErrorId; category = $e.CategoryInfo.Category.ToString() } }`;

describe('lab local groups', () => {
  it('lists the seeded ADSyncAdmins member like a LocalPrincipal', async () => {
    const run = await runLab(
      `$m = @(Get-LocalGroupMember -Group ADSyncAdmins)
       Out-LabJson ([ordered]@{ shape = Get-LabShape $m[0]; name = $m[0].Name; sid = $m[0].SID.Value; source = $m[0].PrincipalSource.ToString(); cls = $m[0].ObjectClass; type = $m[0].PSObject.TypeNames[0] })`,
      { folder, modules: ['LocalGroups'] },
    );
    expect(run.json).toEqual({
      shape: [
        { name: 'Name', type: 'System.String' },
        { name: 'SID', type: 'LabSecurityIdentifier' },
        { name: 'PrincipalSource', type: 'PrincipalSource' },
        { name: 'ObjectClass', type: 'System.String' },
      ],
      name: 'CONTOSO\\Administrator',
      sid: 'S-1-5-21-3623811015-3361044348-30300820-500',
      source: 'ActiveDirectory',
      cls: 'User',
      type: 'Microsoft.PowerShell.Commands.LocalPrincipal',
    });
  });

  it('stores and returns hostile names exactly and never runs them', async () => {
    const canary = join(folder, 'canary.txt');
    const hostile = [
      `CONTOSO\\o'brien "quoted" ‘single’ ‚low‛ “double” „low”`,
      `CONTOSO\\$(New-Item -ItemType File -Path '${canary}')`,
      `CONTOSO\\\`$(Set-Content '${canary}' x)\`; ; | & echo`,
      'CONTOSO\\line1\nline2\r\nline3',
      'CONTOSO\\emoji 😀👩‍💻 and RTL שלום مرحبا',
      `CONTOSO\\${'long-'.repeat(400)}`,
    ];
    const run = await runLab(
      `
      $names = ConvertFrom-Json ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($env:HOSTILE_NAMES)))
      foreach ($n in $names) { Add-LocalGroupMember -Group 'ADSyncOperators' -Member $n }
      $listed = @(Get-LocalGroupMember -Group 'ADSyncOperators' | ForEach-Object Name)
      $fresh = @(& { Get-LocalGroupMember -Name 'ADSyncOperators' } | ForEach-Object Name)
      foreach ($n in $names) { Remove-LocalGroupMember -Group 'ADSyncOperators' -Member $n }
      Out-LabJson ([ordered]@{ listed = $listed; fresh = $fresh; after = @(Get-LocalGroupMember -Group 'ADSyncOperators').Count })
      `,
      { folder, modules: ['LocalGroups'], env: { HOSTILE_NAMES: toBase64(JSON.stringify(hostile)) } },
    );
    expect(run.stderr).toBe('');
    const out = run.json as { listed: string[]; fresh: string[]; after: number };
    expect(out.listed).toEqual(hostile);
    expect(out.fresh).toEqual(hostile);
    expect(out.after).toBe(0);
    await expect(access(canary)).rejects.toThrow();
  });

  it('reproduces the real errors and ids', async () => {
    const run = await runLab(
      `
      ${errorInfo}
      Add-LocalGroupMember -Group ADSyncBrowse -Member 'CONTOSO\\adele.vance' | Out-Null
      Add-LocalGroupMember -Group ADSyncBrowse -Member 'CONTOSO\\adele.vance' -ErrorVariable exists -ErrorAction SilentlyContinue
      Add-LocalGroupMember -Group ADSyncBrowse -Member 'CONTOSO\\one', 'NOSUCHDOMAIN\\x', 'CONTOSO\\two' -ErrorVariable missing -ErrorAction SilentlyContinue
      Add-LocalGroupMember -Group ADSyncBrowse -Member 'CONTOSO\\missing-1234' -ErrorVariable missing2 -ErrorAction SilentlyContinue
      Remove-LocalGroupMember -Group ADSyncBrowse -Member 'CONTOSO\\not-a-member' -ErrorVariable notMember -ErrorAction SilentlyContinue
      Get-LocalGroupMember -Group 'ADSyncNope' -ErrorVariable noGroup -ErrorAction SilentlyContinue
      Out-LabJson ([ordered]@{
        exists = Get-ErrorInfo $exists[0]; missing = Get-ErrorInfo $missing[0]; missing2 = Get-ErrorInfo $missing2[0]
        notMember = Get-ErrorInfo $notMember[0]; noGroup = Get-ErrorInfo $noGroup[0]
        members = @(Get-LocalGroupMember -Group ADSyncBrowse | ForEach-Object Name)
        byUpn = (& { Add-LocalGroupMember -Group ADSyncPasswordSet -Member 'alex.berg@contoso.com'; Get-LocalGroupMember -Group ADSyncPasswordSet }).Name
      })
      `,
      { folder, modules: ['LocalGroups'] },
    );
    const out = run.json as Record<string, ErrorInfo> & { members: string[]; byUpn: string };
    expect(out['exists']).toEqual({
      message: 'CONTOSO\\adele.vance is already a member of group ADSyncBrowse.',
      id: 'MemberExists,Add-LocalGroupMember',
      category: 'ResourceExists',
    });
    expect(out['missing']).toEqual({
      message: 'Principal NOSUCHDOMAIN\\x was not found.',
      id: 'PrincipalNotFound,Add-LocalGroupMember',
      category: 'ObjectNotFound',
    });
    expect(out['missing2']!.message).toBe('Principal CONTOSO\\missing-1234 was not found.');
    expect(out['notMember']).toEqual({
      message: 'Member CONTOSO\\not-a-member was not found in group ADSyncBrowse.',
      id: 'MemberNotFound,Remove-LocalGroupMember',
      category: 'ObjectNotFound',
    });
    expect(out['noGroup']).toEqual({ message: 'Group ADSyncNope was not found.', id: 'GroupNotFound,Get-LocalGroupMember', category: 'ObjectNotFound' });
    // Like the real cmdlet: members before the unknown principal are added, the ones after it are not.
    expect(out.members).toEqual(['CONTOSO\\adele.vance', 'CONTOSO\\one']);
    expect(out.byUpn).toBe('CONTOSO\\alex.berg');
  });
});
