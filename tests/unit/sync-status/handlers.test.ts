import { describe, expect, it, vi } from 'vitest';
import { createSyncStatusHandlers } from '../../../electron/ipc/areas/sync-status';
import { SyncStatusService, type SyncStatusServiceOptions } from '../../../electron/services/sync-status/sync-status-service';
import { AppError } from '../../../shared/core/errors';
import { getSyncStatusRequestSchema } from '../../../shared/sync-status/status';

const context = { emit: vi.fn() };

function syncStatus(syncServer: object, signedIn = false, organization = vi.fn()): SyncStatusService {
  return new SyncStatusService({
    syncServer,
    auth: { getStatus: () => ({ state: signedIn ? 'signedIn' : 'signedOut', cachePersistence: 'memory' }) },
    graph: { organization },
  } as unknown as SyncStatusServiceOptions);
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

describe('sync-status handlers', () => {
  it('reads scheduler and run history, and the tenant only when asked and signed in; never changes the scheduler', async () => {
    const syncServer = { getScheduler: vi.fn(async () => scheduler), getRunHistory: vi.fn(async () => [runningRun]), setScheduler: vi.fn() };
    const organization = vi.fn(async () => ({ displayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-05-01T11:55:00Z' }));
    const status = await createSyncStatusHandlers(syncStatus(syncServer, true, organization))['sync-status:get']({ includeCloud: true }, context);
    expect(status.scheduler).toMatchObject({ syncCycleInProgress: true, currentlyEffectiveSyncCycleIntervalSeconds: 1800, nextSyncCyclePolicyType: 'Delta' });
    // A run that is still going has no end yet, whatever the server printed.
    expect(status.runs).toEqual([
      { runHistoryId: 'r1', connectorName: 'contoso.com', runProfileName: 'Delta Import', result: 'in-progress', isRunComplete: false, startUtc: '2025-05-01T12:00:00.000Z', endUtc: null, counts: null },
    ]);
    expect(status.cloud).toEqual({ state: 'signedIn', tenantDisplayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-05-01T11:55:00.000Z' });
    expect(syncServer.setScheduler).not.toHaveBeenCalled();

    const quick = await createSyncStatusHandlers(syncStatus(syncServer, true, organization))['sync-status:get']({}, context);
    expect(quick.cloud).toBeNull();
    expect(organization).toHaveBeenCalledTimes(1);
    const signedOut = await createSyncStatusHandlers(syncStatus(syncServer, false, organization))['sync-status:get']({ includeCloud: true }, context);
    expect(signedOut.cloud).toEqual({ state: 'signedOut' });
  });

  it('reads the step counters of a complete run once: a Refresh names the runs whose counters it has, and shows them the same', async () => {
    const counters = { StageAdd: 2, StageUpdate: 1, StageDelete: 0 };
    const completeRun = { ...runningRun, runHistoryId: 'r0', isRunComplete: true, result: 'success', counters };
    const getRunHistory = vi.fn(async (options: { countersKnownFor?: string[] }) => [
      { ...runningRun, counters },
      options.countersKnownFor?.includes('r0') ? { ...completeRun, counters: null } : completeRun,
    ]);
    const service = syncStatus({ getScheduler: async () => scheduler, getRunHistory });
    const first = await service.getStatus({});
    const again = await service.getStatus({});
    expect(getRunHistory.mock.calls.map(([options]) => options.countersKnownFor)).toEqual([[], ['r0']]);
    expect(again.runs).toEqual(first.runs);
    expect(again.runs?.[1]?.counts).not.toBeNull();
  });

  it('reads the scheduler alone when the page asks without runs, and never the run history', async () => {
    const getRunHistory = vi.fn(async () => [runningRun]);
    const service = syncStatus({ getScheduler: async () => scheduler, getRunHistory });
    const quick = await service.getStatus({ includeRuns: false });
    expect(quick.scheduler).toEqual(scheduler);
    expect(quick.runs).toBeNull();
    expect(getRunHistory).not.toHaveBeenCalled();
    expect(getSyncStatusRequestSchema.safeParse({ includeRuns: false, sinceUtc: '2026-11-30T10:00:00.000Z' }).success).toBe(false);
  });

  it('reports a failing Graph call as the cloud part only, the local status still answers', async () => {
    const syncServer = { getScheduler: async () => scheduler, getRunHistory: async () => [] };
    const organization = vi.fn(async () => {
      throw new AppError('THROTTLED', 'Microsoft Graph is busy.');
    });
    const status = await createSyncStatusHandlers(syncStatus(syncServer, true, organization))['sync-status:get']({ includeCloud: true }, context);
    expect(status.cloud).toEqual({ state: 'failed', error: { code: 'THROTTLED', message: 'Microsoft Graph is busy.' } });
  });

  it('says "Sync is already running." when a cycle runs, keeping PowerShell’s words as detail', async () => {
    const syncServer = {
      startSyncCycle: vi.fn(async () => {
        throw new AppError('SYNC_ALREADY_RUNNING', 'A synchronization cycle is already running.', 'System.InvalidOperationException: Sync is already running.');
      }),
    };
    const start = createSyncStatusHandlers(syncStatus(syncServer))['sync-status:start-cycle']({ policyType: 'Initial' }, context);
    await expect(start).rejects.toMatchObject({ code: 'SYNC_ALREADY_RUNNING', message: 'Sync is already running.', detail: 'System.InvalidOperationException: Sync is already running.' });
    expect(syncServer.startSyncCycle).toHaveBeenCalledWith('Initial');
  });
});
