import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findPwsh } from '../../electron/main/pwsh-location';
import { labPackageFolder } from './harness';

const run = promisify(execFile);

/**
 * Sets how long the lab's next sync cycles take in a lab folder (the lab's Set-ADSyncLabCycleDuration, in its
 * own pwsh), so a test can act while a cycle it started is surely still running, however loaded the machine.
 */
export async function setLabCycleDuration(labFolder: string, seconds: number): Promise<void> {
  const module = path.join(labPackageFolder, 'sync-server', 'ADSync', 'ADSync.psd1');
  const script = `$ErrorActionPreference = 'Stop'; Import-Module $env:LAB_ADSYNC_MODULE; Set-ADSyncLabCycleDuration -Seconds ([double]::Parse($env:LAB_CYCLE_SECONDS, [cultureinfo]::InvariantCulture)) -Confirm:$false`;
  await run(findPwsh(), ['-NoProfile', '-NonInteractive', '-Command', script], {
    env: { ...process.env, ADSYNC_LAB_FOLDER: labFolder, LAB_ADSYNC_MODULE: module, LAB_CYCLE_SECONDS: String(seconds) },
  });
}
