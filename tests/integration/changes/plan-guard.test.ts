import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { lockPath } from '../../../electron/services/changes/plan-lock';
import { markerPath } from '../../../electron/services/changes/running-marker';
import { labTargetIn, repositoryRoot } from '../powershell/lab-target';

const script = fileURLToPath(new URL('./apply-in-process.ts', import.meta.url));
const tsx = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');
const children: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
});

/** A second app instance, as its own process, with its lines on stdout. */
function instance(labFolder: string, ou: string): { child: ChildProcessWithoutNullStreams; line: () => Promise<string> } {
  const child = spawn(tsx, [script, labFolder, ou], { cwd: repositoryRoot });
  children.push(child);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  child.on('exit', (code) => {
    if (code !== 0) for (const waiter of waiting.splice(0)) waiter(`exit ${code}: ${errors}`);
  });
  return { child, line: () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve))) };
}

describe('one change plan at a time per sync server', () => {
  it('refuses the second of two processes applying at once, and the scheduler ends as it began', async () => {
    const labFolder = await mkdtemp(path.join(tmpdir(), 'cw-lab-'));
    const session = new PowerShellSession(labTargetIn(labFolder).target);
    try {
      const client = new AdSyncClient(session);
      const before = await client.getScheduler();
      expect(before).toMatchObject({ syncCycleEnabled: true, schedulerSuspended: false });

      const first = instance(labFolder, 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com');
      const second = instance(labFolder, 'OU=Groups,OU=CORP,DC=contoso,DC=com');
      expect([await first.line(), await second.line()]).toEqual(['ready', 'ready']);
      first.child.stdin.write('go\n');
      second.child.stdin.write('go\n');
      const results = [JSON.parse(await first.line()), JSON.parse(await second.line())] as { succeeded?: boolean; code?: string; message?: string }[];

      expect(results.filter((result) => result.succeeded === true)).toHaveLength(1);
      expect(results.filter((result) => result.code === 'PLAN_IN_PROGRESS')).toEqual([
        expect.objectContaining({ message: expect.stringContaining('Another administrator or another window of this wizard is changing') }),
      ]);
      const after = await client.getScheduler();
      expect({ syncCycleEnabled: after.syncCycleEnabled, schedulerSuspended: after.schedulerSuspended }).toEqual({ syncCycleEnabled: true, schedulerSuspended: false });
      expect(existsSync(lockPath(labFolder))).toBe(false);
      expect(existsSync(markerPath(labFolder))).toBe(false);
    } finally {
      await session.dispose();
    }
  });
});
