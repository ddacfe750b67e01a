import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import type { Scheduler } from '../../../shared/sync-server/scheduler';
import { readExportFolder } from './export-folder-reader';

/**
 * A running sync server (real or lab): the typed sync server client is one. `exportServerConfiguration`
 * runs `Get-ADSyncServerConfiguration -Path <folder>`, `getScheduler` returns Get-ADSyncScheduler.
 */
export interface LiveConfigurationSource {
  exportServerConfiguration(folder: string): Promise<unknown>;
  getScheduler?(): Promise<Scheduler | undefined>;
}

/**
 * Exports the live configuration into a temporary folder, reads it like any export (plus the
 * scheduler), then removes the folder. Export first, scheduler second: one PowerShell session
 * runs its calls one after the other anyway.
 */
export async function readLiveSummary(source: LiveConfigurationSource, tempRoot: string = os.tmpdir()): Promise<ConfigurationSummary> {
  const work = await mkdtemp(path.join(tempRoot, 'adsync-config-'));
  try {
    const folder = path.join(work, 'export');
    await source.exportServerConfiguration(folder);
    const scheduler = await source.getScheduler?.();
    return await readExportFolder(folder, scheduler);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
