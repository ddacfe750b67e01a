import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import { mergeRuns, pollSince } from '../../../../shared/sync-status/poll';
import type { CloudSyncStatus, SyncStatus } from '../../../../shared/sync-status/status';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';

/** While a cycle runs the page asks again this often. */
export const pollIntervalMs = 1500;

/** After a start, how many polls may pass before the scheduler reports the cycle. */
const pollsAfterStart = 4;

export interface SyncStatusState {
  readonly status: SyncStatus | null;
  /** The last cloud answer, kept while polls skip the cloud. */
  readonly cloud: CloudSyncStatus | null;
  readonly error: AppErrorData | null;
  /** Reads everything again, the tenant's side included. */
  readonly refresh: () => Promise<void>;
  /** Reads the status now and keeps polling a little while, until it shows the cycle just started. */
  readonly expectCycle: () => void;
  /** The scheduler is shown and the first full read (the run history) is still under way. */
  readonly readingRuns: boolean;
  /** True once a cycle this page watched has finished (until the next start). */
  readonly watchedCycleFinished: boolean;
}

/**
 * The status of the sync server, polled every 1.5 s while a cycle is in progress. When a cycle ends, the
 * tenant's side is read again, since the export has just reached it.
 */
export function useSyncStatus(): SyncStatusState {
  const api = useDesktopApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [cloud, setCloud] = useState<CloudSyncStatus | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [extraPolls, setExtraPolls] = useState(0);
  const [watchedCycleFinished, setWatchedCycleFinished] = useState(false);
  const mounted = useRef(true);
  const wasRunning = useRef(false);
  const known = useRef<SyncStatus | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(
    async (includeCloud: boolean): Promise<void> => {
      let withCloud = includeCloud;
      // At most twice: when this answer shows the watched cycle has just finished, read the tenant's side too.
      for (;;) {
        // A poll reads only what changed since the runs the page has; a refresh (with the cloud) reads it all.
        const knownRuns = known.current?.runs ?? null;
        const since = withCloud || knownRuns === null ? undefined : pollSince(knownRuns);
        const result = await api['sync-status:get'](since === undefined ? { includeCloud: withCloud } : { includeCloud: false, sinceUtc: since });
        if (!mounted.current) return;
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setError(null);
        const previous = known.current;
        const next =
          result.value.incremental && previous?.runs && result.value.runs ? { ...result.value, runs: mergeRuns(previous.runs, result.value.runs) } : result.value;
        known.current = next;
        setStatus(next);
        if (result.value.cloud) setCloud(result.value.cloud);
        const running = result.value.scheduler.syncCycleInProgress;
        const finished = wasRunning.current && !running;
        wasRunning.current = running;
        if (running) setExtraPolls(0);
        if (!finished) return;
        setWatchedCycleFinished(true);
        withCloud = true;
      }
    },
    [api],
  );

  // The last error goes while the page reads again: what shows meanwhile is that it is reading.
  const refresh = useCallback(() => {
    setError(null);
    return load(true);
  }, [load]);

  // First the scheduler alone, shown at once; then everything. A session's first run-history read takes longest.
  const loadFirst = useCallback(async (): Promise<void> => {
    try {
      const quick = await api['sync-status:get']({ includeRuns: false });
      if (mounted.current && quick.ok && known.current === null) {
        known.current = quick.value;
        setStatus(quick.value);
        wasRunning.current = quick.value.scheduler.syncCycleInProgress;
      }
    } catch {
      // A failed quick read is left to the full read, which reports it.
    }
    if (mounted.current) await load(true);
  }, [api, load]);

  useEffect(() => {
    const first = setTimeout(() => void loadFirst(), 0);
    return () => clearTimeout(first);
  }, [loadFirst]);

  const running = status?.scheduler.syncCycleInProgress ?? false;
  // The first full read is under way: polling would read the whole history a second time beside it.
  const readingRuns = status !== null && status.runs === null && error === null;

  // Each answer (a new status or error object) schedules the next poll, so polls never overlap.
  useEffect(() => {
    if (readingRuns || (!running && extraPolls === 0)) return undefined;
    const timer = setTimeout(() => {
      if (!running) setExtraPolls((count) => Math.max(0, count - 1));
      void load(false);
    }, pollIntervalMs);
    return () => clearTimeout(timer);
  }, [readingRuns, running, extraPolls, status, error, load]);

  const expectCycle = useCallback(() => {
    setWatchedCycleFinished(false);
    setExtraPolls(pollsAfterStart);
    void load(false);
  }, [load]);
  return { status, cloud, error, readingRuns, refresh, expectCycle, watchedCycleFinished };
}
