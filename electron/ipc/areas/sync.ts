import { AppError, isAppError, type AppErrorData } from '../../../shared/core/errors';
import type { syncStatusChannels } from '../../../shared/contract/sync-status';
import type { CloudSyncStatus, RunRecord } from '../../../shared/sync-status/status';
import type { Run } from '../../../shared/sync-server';
import { runCountsFromCounters } from '../../../shared/sync-status/run-counts';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

/** Enough history for a day of half-hourly cycles on a server with a few connectors. */
const defaultRunCount = 300;

/** The bridge reads the step counters of recent runs only (Get-ADSyncRunStepResult); older runs have no counts. */
function countsOf(run: Run): RunRecord['counts'] {
  return run.counters ? runCountsFromCounters(run.runProfileName, run.counters) : null;
}

function toRunRecord(run: Run): RunRecord {
  return {
    runHistoryId: run.runHistoryId,
    connectorName: run.connectorName,
    runProfileName: run.runProfileName,
    result: run.result,
    isRunComplete: run.isRunComplete,
    startUtc: run.startDate,
    endUtc: run.isRunComplete ? run.endDate : null,
    counts: countsOf(run),
  };
}

function errorData(error: unknown): AppErrorData {
  if (isAppError(error)) return error.toData();
  return { code: 'GRAPH_ERROR', message: 'The tenant could not be asked for its last synchronization.', detail: String(error) };
}

/** The tenant's side, read only when an administrator is signed in: sign-in itself belongs to the Connect page. */
async function readCloudStatus(services: Services): Promise<CloudSyncStatus> {
  if (services.auth.getStatus().state !== 'signedIn') return { state: 'signedOut' };
  try {
    const organization = await services.graph.organization();
    const last = organization?.onPremisesLastSyncDateTime ?? null;
    return {
      state: 'signedIn',
      tenantDisplayName: organization?.displayName ?? null,
      onPremisesSyncEnabled: organization?.onPremisesSyncEnabled ?? null,
      onPremisesLastSyncDateTime: last === null || Number.isNaN(Date.parse(last)) ? null : new Date(last).toISOString(),
    };
  } catch (error) {
    return { state: 'failed', error: errorData(error) };
  }
}

/** Reads status and starts cycles; never touches the scheduler's settings (it is not suspended). */
export function createSyncHandlers(services: Services): AreaHandlers<typeof syncStatusChannels> {
  return {
    'sync:get-status': async (request) => {
      const scheduler = await services.syncServer.getScheduler();
      const runs = await services.syncServer.getRunHistory({ count: request.runCount ?? defaultRunCount });
      const cloud = request.includeCloud ? await readCloudStatus(services) : null;
      return { readAtUtc: new Date().toISOString(), scheduler, runs: runs.map(toRunRecord), cloud };
    },
    'sync:start-cycle': async ({ policyType }) => {
      try {
        const started = await services.syncServer.startSyncCycle(policyType);
        return { result: started.result };
      } catch (error) {
        if (isAppError(error) && error.code === 'SYNC_ALREADY_RUNNING') {
          throw new AppError('SYNC_ALREADY_RUNNING', 'Sync is already running.', error.detail ?? error.message);
        }
        throw error;
      }
    },
  };
}
