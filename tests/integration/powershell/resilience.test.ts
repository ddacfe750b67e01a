import { rm } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PowerShellSession, type PowerShellTarget } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server';
import type { AppError } from '../../../shared/core/errors';
import { freshLabTarget } from './lab-target';

/** The session survives what goes wrong with the PowerShell process, and says clearly what went wrong. */
describe('PowerShell session resilience on real pwsh', () => {
  const sessions: PowerShellSession[] = [];
  const folders: string[] = [];

  async function sessionFor(overrides: Partial<PowerShellTarget> = {}): Promise<PowerShellSession> {
    const { target, labFolder } = await freshLabTarget(overrides);
    folders.push(labFolder);
    const session = new PowerShellSession(target);
    sessions.push(session);
    return session;
  }

  const failureOf = (promise: Promise<unknown>): Promise<AppError> => promise.then(
    () => { throw new Error('expected a failure'); },
    (error: unknown) => error as AppError,
  );

  const isAlive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.dispose()));
  });

  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('fails a call whose pwsh process is killed with SESSION_CRASHED, and the next call succeeds in a new process', async () => {
    const session = await sessionFor();
    const { processId } = await session.start();
    const slow = failureOf(session.run('Echo', { value: 'slow', delayMs: 60_000 }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(processId, 'SIGKILL');
    const failure = await slow;
    expect(failure.code).toBe('SESSION_CRASHED');
    expect(failure.message).toContain('Echo');
    expect(await session.run('Echo', { value: 'after' })).toEqual({ value: 'after' });
    expect(session.info?.processId).not.toBe(processId);
  });

  it('starts a new process by itself when the old one died between calls', async () => {
    const session = await sessionFor();
    const { processId } = await session.start();
    process.kill(processId, 'SIGKILL');
    await expect.poll(() => session.info === undefined, { timeout: 30_000 }).toBe(true);
    expect(await session.run('Echo', { value: 1 })).toEqual({ value: 1 });
    expect(session.info?.processId).not.toBe(processId);
  });

  it('fails a call that runs too long with TIMEOUT, kills its process, and recovers', async () => {
    const session = await sessionFor();
    const { processId } = await session.start();
    const failure = await failureOf(session.run('Echo', { value: 'x', delayMs: 120_000 }, { timeoutMs: 1_500 }));
    expect(failure.code).toBe('TIMEOUT');
    expect(failure.message).toContain('1.5 s');
    await expect.poll(() => isAlive(processId), { timeout: 30_000 }).toBe(false);
    const client = new AdSyncClient(session);
    expect((await client.getScheduler()).allowedSyncCycleIntervalSeconds).toBe(1800);
    expect(session.info?.processId).not.toBe(processId);
  });

  it('gives MODULE_NOT_FOUND with guidance when the ADSync module is missing', async () => {
    const session = await sessionFor({ adSyncModule: '/nowhere/Microsoft Azure AD Sync/Bin/ADSync/ADSync.psd1' });
    const failure = await failureOf(new AdSyncClient(session).getScheduler());
    expect(failure.code).toBe('MODULE_NOT_FOUND');
    expect(failure.message).toContain('ADSync');
    expect(failure.message).toContain('C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\ADSync\\ADSync.psd1');
    // The configured path is for the log (detail), not for the page.
    expect(failure.message).not.toContain('/nowhere/');
    expect(failure.detail).toContain('/nowhere/Microsoft Azure AD Sync/Bin/ADSync/ADSync.psd1');
    expect(failure.detail).toMatch(/not loaded|not found|no valid module/i);
  });

  it('gives MODULE_NOT_FOUND naming RSAT when only the ActiveDirectory module is missing, and the rest still works', async () => {
    const session = await sessionFor({ activeDirectoryModule: 'NoSuchActiveDirectoryModule' });
    const client = new AdSyncClient(session);
    const failure = await failureOf(client.getForest());
    expect(failure.code).toBe('MODULE_NOT_FOUND');
    expect(failure.message).toContain('RSAT');
    expect((await client.getStagingMode()).enabled).toBe(false);
  });

  it('gives POWERSHELL_UNAVAILABLE with guidance when the executable does not exist', async () => {
    for (const executable of ['/nowhere/bin/pwsh', 'pwsh-that-is-not-installed']) {
      const session = await sessionFor({ executable });
      const failure = await failureOf(session.run('GetScheduler'));
      expect(failure.code, executable).toBe('POWERSHELL_UNAVAILABLE');
      expect(failure.message).not.toContain(executable);
      expect(failure.detail).toContain(executable);
      expect(failure.message).toContain('PATH');
    }
  });
});
