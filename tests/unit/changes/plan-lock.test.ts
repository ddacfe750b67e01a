import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquirePlanLock, liveLockOwner, lockPath } from '../../../electron/services/changes/plan-lock';

const folder = () => mkdtemp(path.join(tmpdir(), 'cw-lock-'));

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 0;
}

describe('the machine-wide plan lock', () => {
  it('is exclusive while held, names its owner, and is free again after release', async () => {
    const dataFolder = await folder();
    const lock = await acquirePlanLock(dataFolder, 'plan-a');
    expect(JSON.parse(await readFile(lockPath(dataFolder), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), planId: 'plan-a' });
    await expect(acquirePlanLock(dataFolder, 'plan-b')).rejects.toMatchObject({ code: 'PLAN_IN_PROGRESS', message: expect.stringContaining('Nothing was changed') });
    expect(await liveLockOwner(dataFolder)).toMatchObject({ planId: 'plan-a' });
    await lock.release();
    expect(existsSync(lockPath(dataFolder))).toBe(false);
    expect(await liveLockOwner(dataFolder)).toBeNull();
    await (await acquirePlanLock(dataFolder, 'plan-b')).release();
  });

  it('takes over a lock whose process is gone', async () => {
    const dataFolder = await folder();
    await writeFile(lockPath(dataFolder), JSON.stringify({ pid: await deadPid(), host: hostname(), startedAtUtc: new Date().toISOString(), planId: 'dead' }));
    expect(await liveLockOwner(dataFolder)).toBeNull();
    const lock = await acquirePlanLock(dataFolder, 'plan-c');
    expect(lock.owner.planId).toBe('plan-c');
    await lock.release();
  });

  it('treats a lock from another host, or a fresh half-written one, as held', async () => {
    const dataFolder = await folder();
    await writeFile(lockPath(dataFolder), JSON.stringify({ pid: await deadPid(), host: `${hostname()}-other`, startedAtUtc: new Date().toISOString(), planId: 'remote' }));
    await expect(acquirePlanLock(dataFolder, 'plan-d')).rejects.toMatchObject({ code: 'PLAN_IN_PROGRESS' });
    await writeFile(lockPath(dataFolder), '{"pid": 12');
    await expect(acquirePlanLock(dataFolder, 'plan-d')).rejects.toMatchObject({ code: 'PLAN_IN_PROGRESS' });
    // Long after it was written, a half-written lock is stale.
    const later = () => new Date(Date.now() + 60_000);
    await (await acquirePlanLock(dataFolder, 'plan-d', later)).release();
  });
});
