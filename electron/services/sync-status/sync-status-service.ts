import { AppError, isAppError, type AppErrorData } from '../../../shared/core/errors';
import type { Run } from '../../../shared/sync-server/run-history';
import { runCountsFromCounters } from '../../../shared/sync-status/run-counts';
import type { CloudSyncStatus, RunRecord, SyncStatus } from '../../../shared/sync-status/status';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import type { GraphClient } from '../../clients/graph/graph-client';
import type { AuthService } from '../auth/auth-service';

/** The chart's thirty cycles on a one-forest server (import, synchronization and export on each of its two connectors). */
const defaultRunCount = 180;
/** At most this many runs are looked at per poll (a cycle of a few connectors has a few runs). */
const pollRunCount = 50;

export interface SyncStatusServiceOptions {
  readonly syncServer: Pick<AdSyncClient, 'getScheduler' | 'getRunHistory' | 'getSyncProgress' | 'startSyncCycle'>;
  readonly auth: Pick<AuthService, 'getStatus'>;
  readonly graph: Pick<GraphClient, 'organization'>;
}

/** The bridge reads the step counters of recent runs only (with -RunStepDetails); older runs have no counts. */
function countsOf(run: Run): RunRecord['counts'] {
  return run.counters ? runCountsFromCounters(run.runProfileName, run.counters) : null;
}

/** How many complete runs' counters are kept: the runs the page shows with counts, and some to spare. */
const keptCounters = 100;

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

/** What the page may show: the code and product message, never the exception's own text. */
function errorData(error: unknown): AppErrorData {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'GRAPH_ERROR', message: 'The tenant could not be asked for its last synchronization.' };
}

/** Reads the scheduler, the run history and the tenant's last sync, and starts cycles; never changes the scheduler's settings. */
export class SyncStatusService {
  /** The step counters of complete runs, newest last: they never change, so a Refresh reads only new runs' steps. */
  private readonly completeRunCounters = new Map<string, NonNullable<Run['counters']>>();

  constructor(private readonly options: SyncStatusServiceOptions) {}

  async getStatus(request: {
    runCount?: number | undefined;
    includeCloud?: boolean | undefined;
    sinceUtc?: string | undefined;
    includeRuns?: boolean | undefined;
  }): Promise<SyncStatus> {
    const cloud = request.includeCloud ? await this.readCloudStatus() : null;
    if (request.includeRuns === false) {
      const scheduler = await this.options.syncServer.getScheduler();
      return { readAtUtc: new Date().toISOString(), scheduler, runs: null, cloud, incremental: false, busyConnectors: null };
    }
    if (request.sinceUtc !== undefined) {
      // A poll while a cycle runs: one call for the scheduler, the busy connectors and the new runs only.
      const progress = await this.options.syncServer.getSyncProgress(request.sinceUtc, request.runCount ?? pollRunCount);
      const { scheduler, busyConnectors } = progress;
      return { readAtUtc: new Date().toISOString(), scheduler, runs: progress.runs.map(toRunRecord), cloud, incremental: true, busyConnectors };
    }
    const scheduler = await this.options.syncServer.getScheduler();
    const runs = await this.options.syncServer.getRunHistory({ count: request.runCount ?? defaultRunCount, countersKnownFor: [...this.completeRunCounters.keys()] });
    return { readAtUtc: new Date().toISOString(), scheduler, runs: this.withKnownCounters(runs).map(toRunRecord), cloud, incremental: false, busyConnectors: null };
  }

  /** Fills in the counters of the complete runs read before, and keeps those of newly complete runs. */
  private withKnownCounters(runs: readonly Run[]): Run[] {
    const filled = runs.map((run) => (run.counters === null && run.isRunComplete ? { ...run, counters: this.completeRunCounters.get(run.runHistoryId ?? '') ?? null } : run));
    for (const run of [...filled].reverse()) {
      if (!run.isRunComplete || !run.counters || !run.runHistoryId || this.completeRunCounters.has(run.runHistoryId)) continue;
      this.completeRunCounters.set(run.runHistoryId, run.counters);
    }
    for (const id of this.completeRunCounters.keys()) {
      if (this.completeRunCounters.size <= keptCounters) break;
      this.completeRunCounters.delete(id);
    }
    return filled;
  }

  /** Fails with SYNC_ALREADY_RUNNING, worded for the page, while a cycle runs. */
  async startCycle(policyType: 'Delta' | 'Initial'): Promise<{ result: string | null }> {
    try {
      const started = await this.options.syncServer.startSyncCycle(policyType);
      return { result: started.result };
    } catch (error) {
      if (isAppError(error) && error.code === 'SYNC_ALREADY_RUNNING') {
        throw new AppError('SYNC_ALREADY_RUNNING', 'Sync is already running.', error.detail ?? error.message);
      }
      throw error;
    }
  }

  /** The tenant's side, read only when an administrator is signed in: sign-in itself belongs to the Connect page. */
  private async readCloudStatus(): Promise<CloudSyncStatus> {
    if (this.options.auth.getStatus().state !== 'signedIn') return { state: 'signedOut' };
    try {
      const organization = await this.options.graph.organization();
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
}
