import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/core/errors';
import { schedulerSchema, type Scheduler } from '../../../shared/configuration/summary';
import type { LiveConfigurationSource } from './live-source';

export type LabPwshOptions = {
  /** The lab ADSync module manifest (`assets/lab-sync-server/ADSync/ADSync.psd1`). */
  modulePath: string;
  /** The lab's state folder (`ADSYNC_LAB_FOLDER`). */
  labFolder: string;
  pwshPath?: string;
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
};

/**
 * The script reads the module path and export folder from a base64 JSON parameter, so no value is
 * ever part of the script text.
 */
const script = [
  '$ErrorActionPreference = "Stop"',
  '$p = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($env:CONNECT_WIZARD_PARAMS)) | ConvertFrom-Json',
  'Import-Module -Name $p.modulePath',
  'Get-ADSyncServerConfiguration -Path $p.folder | Out-Null',
  // The scheduler, normalized as the architecture asks: TimeSpans as text, dates as ISO-8601 UTC.
  '$s = if (Get-Command Get-ADSyncScheduler -ErrorAction SilentlyContinue) { Get-ADSyncScheduler }',
  'if ($null -ne $s) { [ordered]@{' +
    ' allowedSyncCycleInterval = [string]$s.AllowedSyncCycleInterval;' +
    ' currentlyEffectiveSyncCycleInterval = [string]$s.CurrentlyEffectiveSyncCycleInterval;' +
    ' customizedSyncCycleInterval = $(if ($null -eq $s.CustomizedSyncCycleInterval) { $null } else { [string]$s.CustomizedSyncCycleInterval });' +
    ' nextSyncCyclePolicyType = [string]$s.NextSyncCyclePolicyType;' +
    ' nextSyncCycleStartTimeInUTC = ([datetime]$s.NextSyncCycleStartTimeInUTC).ToString("yyyy-MM-ddTHH:mm:ssZ");' +
    ' purgeRunHistoryInterval = [string]$s.PurgeRunHistoryInterval;' +
    ' syncCycleEnabled = [bool]$s.SyncCycleEnabled; maintenanceEnabled = [bool]$s.MaintenanceEnabled;' +
    ' stagingModeEnabled = [bool]$s.StagingModeEnabled; schedulerSuspended = [bool]$s.SchedulerSuspended;' +
    ' syncCycleInProgress = [bool]$s.SyncCycleInProgress } | ConvertTo-Json -Compress }',
].join('; ');

/**
 * `--source lab` for the command line: one `pwsh` process running the lab module's
 * Get-ADSyncServerConfiguration. The app itself goes through the PowerShell bridge instead.
 */
export function createLabPwshSource(options: LabPwshOptions): LiveConfigurationSource {
  // One process does both, so the scheduler read with the export is handed out afterwards.
  let scheduler: Scheduler | undefined;
  return {
    async exportServerConfiguration(folder: string): Promise<void> {
      const moduleFound = await access(options.modulePath).then(() => true, () => false);
      if (!moduleFound) {
        throw new AppError('MODULE_NOT_FOUND', `The lab sync server module ${options.modulePath} does not exist.`);
      }
      const params = Buffer.from(JSON.stringify({ modulePath: options.modulePath, folder }), 'utf8').toString('base64');
      scheduler = schedulerFrom(await runPwsh(options, params));
    },
    async getScheduler(): Promise<Scheduler | undefined> {
      return scheduler;
    },
  };
}

function schedulerFrom(stdout: string): Scheduler | undefined {
  const line = stdout.trim().split(/\r?\n/).pop() ?? '';
  if (line === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new AppError('INVALID_OUTPUT', 'Get-ADSyncScheduler on the lab server did not return JSON.', line.slice(0, 500));
  }
  const parsed = schedulerSchema.safeParse(value);
  if (!parsed.success) throw new AppError('INVALID_OUTPUT', 'Get-ADSyncScheduler on the lab server returned an unexpected shape.', parsed.error.message);
  return parsed.data;
}

function runPwsh(options: LabPwshOptions, params: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.pwshPath ?? 'pwsh', ['-NoProfile', '-NonInteractive', '-Command', script], {
      env: { ...process.env, ...options.env, ADSYNC_LAB_FOLDER: path.resolve(options.labFolder), CONNECT_WIZARD_PARAMS: params },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new AppError('POWERSHELL_UNAVAILABLE', `Cannot start ${options.pwshPath ?? 'pwsh'}.`, error.message));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else if (signal !== null) reject(new AppError('TIMEOUT', 'Get-ADSyncServerConfiguration on the lab server did not finish in time.'));
      else reject(new AppError('POWERSHELL_ERROR', 'Get-ADSyncServerConfiguration failed on the lab server.', stderr.trim()));
    });
  });
}
