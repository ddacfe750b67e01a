import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findPwsh } from '../../electron/main/pwsh-location';
import { openLabNativeWizard, type LabNativeWizardLaunch } from '../../lab/index';
import { labPackageFolder } from './harness';

const run = promisify(execFile);

/**
 * Plays the administrator finishing Configure staging mode in the native wizard after the app handed it
 * off: the lab's Set-ADSyncLabStagingMode, in its own pwsh, on the harness's lab folder.
 */
export async function finishStagingInNativeWizard(labFolder: string, enabled: boolean): Promise<void> {
  const module = path.join(labPackageFolder, 'sync-server', 'ADSync', 'ADSync.psd1');
  const script = `$ErrorActionPreference = 'Stop'; Import-Module $env:LAB_ADSYNC_MODULE; Set-ADSyncLabStagingMode -Enabled ([bool]::Parse($env:LAB_STAGING)) -Confirm:$false`;
  await run(findPwsh(), ['-NoProfile', '-NonInteractive', '-Command', script], {
    env: { ...process.env, ADSYNC_LAB_FOLDER: labFolder, LAB_ADSYNC_MODULE: module, LAB_STAGING: String(enabled) },
  });
}

/** The native wizard launches the lab recorded in a lab folder, oldest first. */
export function recordedNativeWizardLaunches(labFolder: string): Promise<LabNativeWizardLaunch[]> {
  return openLabNativeWizard(labFolder).launches();
}
