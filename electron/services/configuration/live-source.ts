import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import type { Scheduler } from '../../../shared/sync-server/scheduler';
import { readExportFolder } from './export-folder-reader';
import { ensureScratchFolder } from './scratch-folder';

/**
 * A running sync server (real or lab): the typed sync server client is one. `exportServerConfiguration`
 * runs `Get-ADSyncServerConfiguration -Path <folder>`, `getScheduler` returns Get-ADSyncScheduler.
 */
export interface LiveConfigurationSource {
  exportServerConfiguration(folder: string): Promise<unknown>;
  getScheduler?(): Promise<Scheduler | undefined>;
}

/**
 * Exports the live configuration into a new folder inside the scratch folder (administrators-only on a
 * server, owner-only in the lab: never the user's %TEMP%, where the unelevated user could swap the export or
 * plant a junction before it is read and deleted), reads it like any export (plus the scheduler), then
 * removes it. Export first, scheduler second: one PowerShell session runs its calls one after the other.
 */
export async function readLiveSummary(source: LiveConfigurationSource, scratchFolder: string): Promise<ConfigurationSummary> {
  const work = await mkdtemp(path.join(await ensureScratchFolder(scratchFolder), 'adsync-config-'));
  try {
    const folder = path.join(work, 'export');
    await source.exportServerConfiguration(folder);
    const scheduler = await source.getScheduler?.();
    return await readExportFolder(folder, scheduler);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
