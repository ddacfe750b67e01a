import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findPwsh } from '../../electron/main/pwsh-location';
import { labPackageFolder } from './harness';

const run = promisify(execFile);

/** Runs one lab-only ADSync cmdlet in its own pwsh on a lab folder; `values` reach the script as environment variables only. */
async function runLabCmdlet(labFolder: string, script: string, values: Record<string, string>): Promise<string> {
  const module = path.join(labPackageFolder, 'sync-server', 'ADSync', 'ADSync.psd1');
  const { stdout } = await run(findPwsh(), ['-NoProfile', '-NonInteractive', '-Command', `$ErrorActionPreference = 'Stop'; Import-Module $env:LAB_ADSYNC_MODULE; ${script}`], {
    env: { ...process.env, ...values, ADSYNC_LAB_FOLDER: labFolder, LAB_ADSYNC_MODULE: module },
  });
  return stdout;
}

/**
 * Sets how long the lab's next sync cycles take in a lab folder (the lab's Set-ADSyncLabCycleDuration), so a
 * test can act while a cycle it started is surely still running, however loaded the machine.
 */
export async function setLabCycleDuration(labFolder: string, seconds: number): Promise<void> {
  await runLabCmdlet(labFolder, 'Set-ADSyncLabCycleDuration -Seconds ([double]::Parse($env:LAB_CYCLE_SECONDS, [cultureinfo]::InvariantCulture)) -Confirm:$false', {
    LAB_CYCLE_SECONDS: String(seconds),
  });
}

/** Grows the lab's run history to `days` of half-hourly cycles (Add-ADSyncLabRunHistory); answers the run count. */
export async function addLabRunHistory(labFolder: string, days: number): Promise<number> {
  const stdout = await runLabCmdlet(labFolder, '(Add-ADSyncLabRunHistory -Days ([int]$env:LAB_DAYS)).RunCount', { LAB_DAYS: String(days) });
  return Number(stdout.trim());
}

/** Makes the lab's next `Get-ADSyncRunProfileResult` fail once (Set-ADSyncLabFault), as a busy sync service does. */
export async function failNextRunHistoryRead(labFolder: string): Promise<void> {
  await runLabCmdlet(labFolder, "Set-ADSyncLabFault -Cmdlet 'Get-ADSyncRunProfileResult' -Call 1 -Message 'The sync service did not answer.'", {});
}

/** Grows the lab forest to `ouCount` OUs over `domainCount` domains, each a partition of the AD connector (New-ADSyncLabLargeForest). */
export async function growLabForest(labFolder: string, ouCount: number, domainCount: number): Promise<void> {
  await runLabCmdlet(labFolder, '$null = New-ADSyncLabLargeForest -OuCount ([int]$env:LAB_OU_COUNT) -DomainCount ([int]$env:LAB_DOMAIN_COUNT)', {
    LAB_OU_COUNT: String(ouCount),
    LAB_DOMAIN_COUNT: String(domainCount),
  });
}

/** Makes a lab domain's domain controllers stop answering, or answer again (Set-ADSyncLabDomainReachable). */
export async function setLabDomainReachable(labFolder: string, domain: string, reachable: boolean): Promise<void> {
  await runLabCmdlet(labFolder, 'Set-ADSyncLabDomainReachable -Domain $env:LAB_DOMAIN -Reachable ($env:LAB_REACHABLE -eq "true")', {
    LAB_DOMAIN: domain,
    LAB_REACHABLE: String(reachable),
  });
}
