import { describe, expect, it, vi } from 'vitest';
import { createSyncAdminsHandlers } from '../../../electron/ipc/areas/sync-admins';
import { createSyncStatusHandlers } from '../../../electron/ipc/areas/sync-status';
import { SyncAdminsService, type SyncAdminsServiceOptions } from '../../../electron/services/sync-admins/sync-admins-service';
import { SyncStatusService, type SyncStatusServiceOptions } from '../../../electron/services/sync-status/sync-status-service';
import { AppError } from '../../../shared/core/errors';

const context = { emit: vi.fn() };

function syncStatus(syncServer: object, signedIn = false, organization = vi.fn()): SyncStatusService {
  return new SyncStatusService({
    syncServer,
    auth: { getStatus: () => ({ state: signedIn ? 'signedIn' : 'signedOut', cachePersistence: 'memory' }) },
    graph: { organization },
  } as unknown as SyncStatusServiceOptions);
}

function syncAdmins(syncServer: object): SyncAdminsService {
  return new SyncAdminsService({ target: { kind: 'lab' }, syncServer } as unknown as SyncAdminsServiceOptions);
}

const scheduler = {
  allowedSyncCycleIntervalSeconds: 1800,
  currentlyEffectiveSyncCycleIntervalSeconds: 1800,
  customizedSyncCycleIntervalSeconds: null,
  nextSyncCyclePolicyType: 'Delta',
  nextSyncCycleStartTimeInUtc: '2025-05-01T12:30:00.000Z',
  purgeRunHistoryIntervalSeconds: 604800,
  syncCycleEnabled: true,
  maintenanceEnabled: true,
  stagingModeEnabled: false,
  schedulerSuspended: false,
  syncCycleInProgress: true,
};

const runningRun = {
  runHistoryId: 'r1', connectorId: 'c', connectorName: 'contoso.com', runProfileId: 'p', runProfileName: 'Delta Import', runNumber: 1,
  username: 'NT SERVICE\\ADSync', isRunComplete: false, result: 'in-progress', currentStepNumber: 1, totalSteps: 1,
  startDate: '2025-05-01T12:00:00.000Z', endDate: '2025-05-01T12:00:01.000Z',
};

describe('sync handlers', () => {
  it('reads scheduler and run history, and the tenant only when asked and signed in; never changes the scheduler', async () => {
    const syncServer = { getScheduler: vi.fn(async () => scheduler), getRunHistory: vi.fn(async () => [runningRun]), setScheduler: vi.fn() };
    const organization = vi.fn(async () => ({ displayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-05-01T11:55:00Z' }));
    const status = await createSyncStatusHandlers(syncStatus(syncServer, true, organization))['sync:get-status']({ includeCloud: true }, context);
    expect(status.scheduler).toMatchObject({ syncCycleInProgress: true, currentlyEffectiveSyncCycleIntervalSeconds: 1800, nextSyncCyclePolicyType: 'Delta' });
    // A run that is still going has no end yet, whatever the server printed.
    expect(status.runs).toEqual([
      { runHistoryId: 'r1', connectorName: 'contoso.com', runProfileName: 'Delta Import', result: 'in-progress', isRunComplete: false, startUtc: '2025-05-01T12:00:00.000Z', endUtc: null, counts: null },
    ]);
    expect(status.cloud).toEqual({ state: 'signedIn', tenantDisplayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-05-01T11:55:00.000Z' });
    expect(syncServer.setScheduler).not.toHaveBeenCalled();

    const quick = await createSyncStatusHandlers(syncStatus(syncServer, true, organization))['sync:get-status']({}, context);
    expect(quick.cloud).toBeNull();
    expect(organization).toHaveBeenCalledTimes(1);
    const signedOut = await createSyncStatusHandlers(syncStatus(syncServer, false, organization))['sync:get-status']({ includeCloud: true }, context);
    expect(signedOut.cloud).toEqual({ state: 'signedOut' });
  });

  it('reports a failing Graph call as the cloud part only, the local status still answers', async () => {
    const syncServer = { getScheduler: async () => scheduler, getRunHistory: async () => [] };
    const organization = vi.fn(async () => {
      throw new AppError('THROTTLED', 'Microsoft Graph is busy.');
    });
    const status = await createSyncStatusHandlers(syncStatus(syncServer, true, organization))['sync:get-status']({ includeCloud: true }, context);
    expect(status.cloud).toEqual({ state: 'failed', error: { code: 'THROTTLED', message: 'Microsoft Graph is busy.' } });
  });

  it('says "Sync is already running." when a cycle runs, keeping PowerShell’s words as detail', async () => {
    const syncServer = {
      startSyncCycle: vi.fn(async () => {
        throw new AppError('SYNC_ALREADY_RUNNING', 'A synchronization cycle is already running.', 'System.InvalidOperationException: Sync is already running.');
      }),
    };
    const start = createSyncStatusHandlers(syncStatus(syncServer))['sync:start-cycle']({ policyType: 'Initial' }, context);
    await expect(start).rejects.toMatchObject({ code: 'SYNC_ALREADY_RUNNING', message: 'Sync is already running.', detail: 'System.InvalidOperationException: Sync is already running.' });
    expect(syncServer.startSyncCycle).toHaveBeenCalledWith('Initial');
  });
});

describe('groups handlers', () => {
  it('lists every group, a missing one with its error, and the Windows account running the app', async () => {
    const getGroupMembers = vi.fn(async (group: string) => {
      if (group === 'ADSyncPasswordSet') throw new AppError('GROUP_NOT_FOUND', 'Group ADSyncPasswordSet was not found.');
      return group === 'ADSyncAdmins' ? [{ name: 'CONTOSO\\Administrator', sid: 'S-1-5-21-1-500', objectClass: 'User', principalSource: 'ActiveDirectory' }] : [];
    });
    const list = await createSyncAdminsHandlers(syncAdmins({ getGroupMembers }))['groups:list']({}, context);
    expect(list.groups.map((group) => [group.group, group.members.length, group.error?.code ?? null])).toEqual([
      ['ADSyncAdmins', 1, null],
      ['ADSyncOperators', 0, null],
      ['ADSyncBrowse', 0, null],
      ['ADSyncPasswordSet', 0, 'GROUP_NOT_FOUND'],
    ]);
    expect(list.currentWindowsUser).toBeTruthy();
  });

  it('passes the name through untouched and rewords a duplicate with the name as typed', async () => {
    const name = 'CONTOSO\\“Zoë” $(Get-Date)';
    const addGroupMember = vi.fn(async () => {
      throw new AppError('MEMBER_EXISTS', 'CONTOSO\\“Zoë” $(Get-Date) is already a member of group ADSyncAdmins. Nothing was changed.', 'MemberExists');
    });
    const add = createSyncAdminsHandlers(syncAdmins({ addGroupMember }))['groups:add-member']({ group: 'ADSyncAdmins', accountName: name }, context);
    await expect(add).rejects.toMatchObject({ code: 'MEMBER_EXISTS', message: `${name} is already a member of ADSyncAdmins. Nothing was changed.`, detail: 'MemberExists' });
    expect(addGroupMember).toHaveBeenCalledWith('ADSyncAdmins', name);
  });

  it('answers the group as it is after a removal', async () => {
    const removeGroupMember = vi.fn(async () => []);
    const result = await createSyncAdminsHandlers(syncAdmins({ removeGroupMember }))['groups:remove-member']({ group: 'ADSyncBrowse', accountName: 'CONTOSO\\jdoe' }, context);
    expect(result).toEqual({ group: 'ADSyncBrowse', members: [], error: null });
  });
});
