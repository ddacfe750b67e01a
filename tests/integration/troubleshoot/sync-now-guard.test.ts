import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { acquirePlanLock, lockPath } from '../../../electron/services/changes/plan-lock';
import { markerPath, writeRunningMarker } from '../../../electron/services/changes/running-marker';
import { TroubleshootService } from '../../../electron/services/troubleshoot/troubleshoot-service';
import { useLabSyncServerClient } from '../powershell/lab-target';

const adele = 'CN=Adele Vance,OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com';

/** "Sync this object now" under the change tasks' guard, on real pwsh against the current-build lab. */
describe('Sync this object now and the change guard', () => {
  const lab = useLabSyncServerClient('contoso-current');
  const changeService = (): ChangeService =>
    new ChangeService({ client: lab.client, signIn: { requireAdministrator: () => Promise.resolve() }, dataFolder: lab.folder, cloudDirectory: 'Azure AD', lab: true });

  it('is refused with the plan’s error while a plan holds the lock, and leaves the scheduler as it was', async () => {
    const troubleshoot = new TroubleshootService({ syncServer: lab.client, changeGuard: changeService() });
    const before = await lab.client.getScheduler();
    const plan = await acquirePlanLock(lab.folder, 'a-plan');
    try {
      const refused = await troubleshoot.syncNow(adele).catch((error: unknown) => error);
      expect(refused).toMatchObject({
        code: 'PLAN_IN_PROGRESS',
        message: expect.stringContaining("Another administrator or another window of this wizard is changing this sync server's configuration."),
      });
      expect((await lab.client.getScheduler()).syncCycleEnabled).toBe(before.syncCycleEnabled);
      expect(existsSync(markerPath(lab.folder))).toBe(false);
    } finally {
      await plan.release();
    }
  });

  it('runs with scheduled cycles off and the running marker written, then turns them back on', async () => {
    expect((await lab.client.getScheduler()).syncCycleEnabled).toBe(true);
    let during: { syncCycleEnabled: boolean; marker: boolean; lock: boolean } | null = null;
    const observed = {
      getObjectSyncPath: lab.client.getObjectSyncPath.bind(lab.client),
      getObjectRunStepErrors: lab.client.getObjectRunStepErrors.bind(lab.client),
      getPasswordSyncState: lab.client.getPasswordSyncState.bind(lab.client),
      getConnectors: lab.client.getConnectors.bind(lab.client),
      getGlobalSettings: lab.client.getGlobalSettings.bind(lab.client),
      isSingleObjectSyncAvailable: lab.client.isSingleObjectSyncAvailable.bind(lab.client),
      syncSingleObject: async (dn: string) => {
        during = { syncCycleEnabled: (await lab.client.getScheduler()).syncCycleEnabled, marker: existsSync(markerPath(lab.folder)), lock: existsSync(lockPath(lab.folder)) };
        return lab.client.syncSingleObject(dn);
      },
    };
    const troubleshoot = new TroubleshootService({ syncServer: observed, changeGuard: changeService() });
    const result = await troubleshoot.syncNow(adele);
    expect(result).toMatchObject({ action: 'Update', status: 'Success' });
    // A crash at this point leaves the marker, which the next start restores from (below).
    expect(during).toEqual({ syncCycleEnabled: false, marker: true, lock: true });
    expect((await lab.client.getScheduler()).syncCycleEnabled).toBe(true);
    expect(existsSync(markerPath(lab.folder))).toBe(false);
    expect(existsSync(lockPath(lab.folder))).toBe(false);
  });

  it('after a crash mid-sync, the next start turns scheduled cycles back on', async () => {
    // What a process killed inside the sync leaves: its marker, cycles off, its lock gone with it.
    await writeRunningMarker(lab.folder, { planId: 'sync-now-crashed', startedAtUtc: new Date().toISOString(), syncCycleWasEnabled: true });
    await lab.client.setScheduler({ syncCycleEnabled: false });
    await changeService().recoverAtStart();
    expect((await lab.client.getScheduler()).syncCycleEnabled).toBe(true);
    expect(existsSync(markerPath(lab.folder))).toBe(false);
  });
});
