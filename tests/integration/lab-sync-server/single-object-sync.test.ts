import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabFolder, removeLabFolder, runLab } from './lab-pwsh';

/** Invoke-ADSyncSingleObjectSync: only on the current build, one compressed JSON string with the real property names. */
describe('Invoke-ADSyncSingleObjectSync in the lab', () => {
  const folders: string[] = [];
  beforeAll(async () => {
    folders.push(await makeLabFolder(), await makeLabFolder());
  });
  afterAll(async () => {
    await Promise.all(folders.map((folder) => removeLabFolder(folder)));
  });

  it('is missing on the 2016 build', async () => {
    const run = await runLab(`Get-ADSyncScheduler | Out-Null; Import-Module (Join-Path (Split-Path (Get-Module ADSync).Path -Parent) '../ADSyncDiagnostics/ADSyncDiagnostics.psd1'); Out-LabJson ([bool](Get-Command Invoke-ADSyncSingleObjectSync -ErrorAction SilentlyContinue))`, {
      folder: folders[0] ?? '',
      env: { ADSYNC_LAB_PROFILE: 'contoso' },
    });
    expect(run.json).toBe(false);
  });

  it('on the current build: a string of compressed JSON; a staging server exports nothing, not even the object whose export fails; out of scope is a Filtered Object', async () => {
    const run = await runLab(
      `
      Get-ADSyncScheduler | Out-Null
      $healthy = Invoke-ADSyncSingleObjectSync -DistinguishedName 'CN=Adele Vance,OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com' -NoHtmlReport
      $forced = Invoke-ADSyncSingleObjectSync 'CN=Henrietta Gupta,OU=Finance,OU=Users,OU=CORP,DC=contoso,DC=com' -NoHtmlReport
      $out = Invoke-ADSyncSingleObjectSync -DistinguishedName 'CN=Gone,OU=Legacy,DC=contoso,DC=com' -NoHtmlReport
      Out-LabJson ([ordered]@{ type = $healthy.GetType().FullName; compressed = -not $healthy.Contains([char]10); healthy = ($healthy | ConvertFrom-Json); forced = ($forced | ConvertFrom-Json); out = ($out | ConvertFrom-Json); files = @(Get-ChildItem $env:ADSYNC_LAB_FOLDER -Name) })
      `,
      { folder: folders[1] ?? '', env: { ADSYNC_LAB_PROFILE: 'contoso-current' }, modules: ['ADSync', 'ADSyncDiagnostics'] },
    );
    expect(run.stderr).toBe('');
    type Answer = Record<string, unknown>;
    const out = run.json as { type: string; compressed: boolean; files: string[]; healthy: Answer; forced: Answer; out: Answer };
    expect(out.type).toBe('System.String');
    expect(out.compressed).toBe(true);
    expect(Object.keys(out.healthy)).toEqual(['Action', 'StartTime', 'EndTime', 'SourceSystem', 'TargetSystem', 'SourceIdentity', 'TargetIdentity', 'StatusInfo', 'ModifiedProperties', 'ProvisioningSteps']);
    // contoso-current is a staging server: the export step is skipped.
    expect((out.healthy['ProvisioningSteps'] as { Name: string; Status: string }[]).map((step) => `${step.Name}:${step.Status}`)).toContain('ExportSpecificObject:Skipped');
    expect(out.out['StatusInfo']).toMatchObject({ Status: 'Failure', ErrorCode: 'Filtered Object' });
    expect(out.forced['StatusInfo']).toMatchObject({ Status: 'Success' });
    expect(out.files.some((name) => name === 'ADSyncObjectDiagnostics')).toBe(false);
  });
});
