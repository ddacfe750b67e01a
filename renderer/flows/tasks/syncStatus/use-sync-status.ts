import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '../../../../shared/contract/errors';
import type { CloudSyncStatus, SyncStatus } from '../../../../shared/contract/sync';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';

/** While a cycle runs the page asks again this often. */
export const pollIntervalMs = 1500;

export interface SyncStatusState {
  readonly status: SyncStatus | null;
  /** The last cloud answer, kept while polls skip the cloud. */
  readonly cloud: CloudSyncStatus | null;
  readonly error: AppErrorData | null;
  readonly loading: boolean;
  /** Reads everything again, the tenant's side included. */
  readonly refresh: () => Promise<void>;
  /** Reads the status now and keeps polling a little while, until it shows the cycle just started. */
  readonly expectCycle: () => void;
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
  const [loading, setLoading] = useState(true);
  const [extraPolls, setExtraPolls] = useState(0);
  const [watchedCycleFinished, setWatchedCycleFinished] = useState(false);
  const mounted = useRef(true);
  const wasRunning = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(
    async (includeCloud: boolean) => {
      setLoading(true);
      const result = await api['sync:get-status']({ includeCloud });
      if (!mounted.current) return;
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setStatus(result.value);
      if (result.value.cloud) setCloud(result.value.cloud);
    },
    [api],
  );

  const refresh = useCallback(() => load(true), [load]);

  useEffect(() => {
    void load(true);
  }, [load]);

  const running = status?.scheduler.syncCycleInProgress ?? false;

  useEffect(() => {
    if (running) setExtraPolls(0);
    if (wasRunning.current && !running) {
      setWatchedCycleFinished(true);
      void load(true);
    }
    wasRunning.current = running;
  }, [running, status, load]);

  useEffect(() => {
    if ((!running && extraPolls === 0) || loading) return undefined;
    const timer = setTimeout(() => {
      if (!running) setExtraPolls((count) => Math.max(0, count - 1));
      void load(false);
    }, pollIntervalMs);
    return () => clearTimeout(timer);
  }, [running, extraPolls, loading, status, load]);

  const expectCycle = useCallback(() => {
    setWatchedCycleFinished(false);
    setExtraPolls(4);
    void load(false);
  }, [load]);
  return { status, cloud, error, loading, refresh, expectCycle, watchedCycleFinished };
}
