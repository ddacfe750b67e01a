import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { acquirePlanLock, lockPath } from '../../../electron/services/changes/plan-lock';
import { markerPath, writeRunningMarker } from '../../../electron/services/changes/running-marker';
import { TroubleshootService } from '../../../electron/services/troubleshoot/troubleshoot-service';
import { labSyncServerModules } from '../../../lab/index';
import { freshLabTarget, repositoryRoot } from '../powershell/lab-target';

const adele = 'CN=Adele Vance,OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com';

/** "Sync this object now" under the change tasks' guard, on real pwsh against the current-build lab. */
describe('Sync this object now and the change guard', () => {
  let session: PowerShellSession;
  let client: AdSyncClient;
  let folder = '';
  const changeService = (): ChangeService =>
    new ChangeService({ client, signIn: { requireAdministrator: () => Promise.resolve() }, dataFolder: folder, cloudDirectory: 'Azure AD', lab: true });

  beforeAll(async () => {
    const { target, labFolder } = await freshLabTarget({}, 'contoso-current');
    folder = labFolder;
    const lab = labSyncServerModules(join(repositoryRoot, 'lab'), labFolder);
    session = new PowerShellSession({ ...target, extraModules: [lab.localGroupsModule, lab.adSyncDiagnosticsModule] });
    client = new AdSyncClient(session);
  });

  afterAll(async () => {
    await session.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('is refused with the plan’s error while a plan holds the lock, and leaves the scheduler as it was', async () => {
    const troubleshoot = new TroubleshootService({ syncServer: client, changeGuard: changeService() });
    const before = await client.getScheduler();
    const plan = await acquirePlanLock(folder, 'a-plan');
    try {
      const refused = await troubleshoot.syncNow(adele).catch((error: unknown) => error);
      expect(refused).toMatchObject({
        code: 'PLAN_IN_PROGRESS',
        message: expect.stringContaining("Another administrator or another window of this wizard is changing this sync server's configuration."),
      });
      expect((await client.getScheduler()).syncCycleEnabled).toBe(before.syncCycleEnabled);
      expect(existsSync(markerPath(folder))).toBe(false);
    } finally {
      await plan.release();
    }
  });

  it('runs with scheduled cycles off and the running marker written, then turns them back on', async () => {
    expect((await client.getScheduler()).syncCycleEnabled).toBe(true);
    let during: { syncCycleEnabled: boolean; marker: boolean; lock: boolean } | null = null;
    const observed = {
      getObjectSyncPath: client.getObjectSyncPath.bind(client),
      getObjectRunStepErrors: client.getObjectRunStepErrors.bind(client),
      getPasswordSyncState: client.getPasswordSyncState.bind(client),
      getConnectors: client.getConnectors.bind(client),
      getGlobalSettings: client.getGlobalSettings.bind(client),
      isSingleObjectSyncAvailable: client.isSingleObjectSyncAvailable.bind(client),
      syncSingleObject: async (dn: string) => {
        during = { syncCycleEnabled: (await client.getScheduler()).syncCycleEnabled, marker: existsSync(markerPath(folder)), lock: existsSync(lockPath(folder)) };
        return client.syncSingleObject(dn);
      },
    };
    const troubleshoot = new TroubleshootService({ syncServer: observed, changeGuard: changeService() });
    const result = await troubleshoot.syncNow(adele);
    expect(result).toMatchObject({ action: 'Update', status: 'Success' });
    // A crash at this point leaves the marker, which the next start restores from (below).
    expect(during).toEqual({ syncCycleEnabled: false, marker: true, lock: true });
    expect((await client.getScheduler()).syncCycleEnabled).toBe(true);
    expect(existsSync(markerPath(folder))).toBe(false);
    expect(existsSync(lockPath(folder))).toBe(false);
  });

  it('after a crash mid-sync, the next start turns scheduled cycles back on', async () => {
    // What a process killed inside the sync leaves: its marker, cycles off, its lock gone with it.
    await writeRunningMarker(folder, { planId: 'sync-now-crashed', startedAtUtc: new Date().toISOString(), syncCycleWasEnabled: true });
    await client.setScheduler({ syncCycleEnabled: false });
    await changeService().recoverAtStart();
    expect((await client.getScheduler()).syncCycleEnabled).toBe(true);
    expect(existsSync(markerPath(folder))).toBe(false);
  });
});
