import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabPwshSource } from '../../../electron/services/summary/lab-pwsh-source';
import { readExportFolder } from '../../../electron/services/summary/export-folder-reader';
import { readLiveSummary } from '../../../electron/services/summary/live-source';
import { diffSummaries } from '../../../shared/configuration/diff';
import { AppError } from '../../../shared/core/errors';
import { contosoFolder, makeTempDir, removeDir } from '../../fixtures/summary/contoso';
import { findPwsh } from './pwsh';

/**
 * A stand-in ADSync module whose Get-ADSyncServerConfiguration copies the Contoso export, so the
 * process plumbing is tested on a real pwsh while the lab module is developed elsewhere.
 * Its folder name is hostile on purpose: a value spliced into script text would run `$(...)`.
 */
const fakeModule = `
function Get-ADSyncServerConfiguration {
  param([Parameter(Mandatory)][string] $Path)
  if ($env:FAKE_ADSYNC_FAIL -eq '1') { throw 'The lab sync server is stopped.' }
  New-Item -ItemType Directory -Path $Path -Force | Out-Null
  Copy-Item -Path (Join-Path $env:CONTOSO_FIXTURE '*') -Destination $Path -Recurse
  Set-Content -LiteralPath (Join-Path $PSScriptRoot 'lab-folder.txt') -Value $env:ADSYNC_LAB_FOLDER -NoNewline
}
function Get-ADSyncScheduler {
  [pscustomobject]@{
    AllowedSyncCycleInterval = [timespan]::FromMinutes(30); CurrentlyEffectiveSyncCycleInterval = [timespan]::FromMinutes(30)
    CustomizedSyncCycleInterval = $null; NextSyncCyclePolicyType = 'Delta'
    NextSyncCycleStartTimeInUTC = [datetime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc); PurgeRunHistoryInterval = [timespan]::FromDays(7)
    SyncCycleEnabled = $true; MaintenanceEnabled = $true; StagingModeEnabled = $true; SchedulerSuspended = $false; SyncCycleInProgress = $false
  }
}
Export-ModuleMember -Function Get-ADSyncServerConfiguration, Get-ADSyncScheduler
`;

describe('the lab source for the command line (real pwsh)', () => {
  let temp: string;
  let moduleFolder: string;
  let modulePath: string;
  const pwshPath = findPwsh();

  beforeAll(async () => {
    temp = await makeTempDir('summary-lab-');
    moduleFolder = path.join(temp, "lab $(New-Item pwned) 'quoted'", 'ADSync');
    await mkdir(moduleFolder, { recursive: true });
    modulePath = path.join(moduleFolder, 'ADSync.psm1');
    await writeFile(modulePath, fakeModule);
  });
  afterAll(async () => removeDir(temp));

  it('exports the configuration through the module and reads it, passing paths as data', async () => {
    const labFolder = path.join(temp, 'state $(x)');
    const source = createLabPwshSource({ modulePath, labFolder, pwshPath, env: { CONTOSO_FIXTURE: contosoFolder } });
    const summary = await readLiveSummary(source, temp);
    expect(summary.syncRules).toHaveLength(62);
    expect(summary.connectors.map((c) => c.name)).toEqual(['contoso.com', 'contoso.onmicrosoft.com - AAD']);
    expect(await readFile(path.join(moduleFolder, 'lab-folder.txt'), 'utf8')).toBe(labFolder);
    expect(existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
    expect(summary.scheduler).toEqual({
      allowedSyncCycleInterval: '00:30:00',
      currentlyEffectiveSyncCycleInterval: '00:30:00',
      customizedSyncCycleInterval: null,
      nextSyncCyclePolicyType: 'Delta',
      nextSyncCycleStartTimeInUTC: '2026-01-02T03:04:05Z',
      purgeRunHistoryInterval: '7.00:00:00',
      syncCycleEnabled: true,
      maintenanceEnabled: true,
      stagingModeEnabled: true,
      schedulerSuspended: false,
      syncCycleInProgress: false,
    });
  });

  it('reports a failing cmdlet as POWERSHELL_ERROR with its message', async () => {
    const source = createLabPwshSource({ modulePath, labFolder: temp, pwshPath, env: { CONTOSO_FIXTURE: contosoFolder, FAKE_ADSYNC_FAIL: '1' } });
    const error = await readLiveSummary(source, temp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('POWERSHELL_ERROR');
    expect((error as AppError).detail).toContain('The lab sync server is stopped.');
  });

  it('names the module when it is missing', async () => {
    const missing = path.join(temp, 'nowhere', 'ADSync.psd1');
    const error = await readLiveSummary(createLabPwshSource({ modulePath: missing, labFolder: temp, pwshPath }), temp).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('MODULE_NOT_FOUND');
    expect((error as AppError).message).toContain(missing);
  });
});

describe('the real lab sync server module (real pwsh)', () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const labModule = path.join(repoRoot, 'assets', 'lab-sync-server', 'ADSync', 'ADSync.psd1');
  let labFolder: string;
  beforeAll(async () => {
    labFolder = await makeTempDir('summary-lab-state-');
  });
  afterAll(async () => removeDir(labFolder));

  it('summarizes the seeded lab like the Contoso export, with its scheduler', async () => {
    const summary = await readLiveSummary(createLabPwshSource({ modulePath: labModule, labFolder, pwshPath: findPwsh() }), labFolder);
    const fromExport = await readExportFolder(contosoFolder);
    expect(summary.scheduler?.syncCycleEnabled).toBe(true);
    expect(summary.scheduler?.allowedSyncCycleInterval).toBe('00:30:00');
    expect(summary.syncRules).toHaveLength(62);
    const diff = diffSummaries(fromExport, summary);
    expect(diff.changes).toEqual([]);
  });
});
