import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schedulerChangeSchema } from '../../../shared/sync-server/scheduler';

/*
 * Only Azure AD Connect sets SchedulerSuspended (for its own wizard or an upgrade; real-server-tasks §6).
 * The lab accepts `Set-ADSyncScheduler -SchedulerSuspended` as a real server does, so this is checked here.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function filesUnder(folder: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension))).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the app never writes SchedulerSuspended', () => {
  it('has no operation that passes it to Set-ADSyncScheduler', async () => {
    const offenders: string[] = [];
    for (const file of await filesUnder('assets/powershell', ['.ps1', '.psm1'])) {
      // A splat key or a parameter; the projection that reads it (Get-CwProperty) is fine.
      const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => !/Get-CwProperty/.test(line));
      if (lines.some((line) => /-SchedulerSuspended\b|\bSchedulerSuspended\s*=/i.test(line))) offenders.push(path.relative(root, file));
    }
    expect(offenders).toEqual([]);
  });

  it('has no app code that asks for it, and the request schema refuses it', async () => {
    const offenders: string[] = [];
    for (const folder of ['electron', 'shared', 'renderer']) {
      for (const file of await filesUnder(folder, ['.ts', '.tsx'])) {
        const text = await readFile(file, 'utf8');
        if (/setScheduler\(\s*\{[^}]*schedulerSuspended/i.test(text) || /-SchedulerSuspended\b/.test(text)) offenders.push(path.relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
    expect(schedulerChangeSchema.safeParse({ schedulerSuspended: false }).success).toBe(false);
    expect(schedulerChangeSchema.safeParse({ syncCycleEnabled: false }).success).toBe(true);
  });
});
