import { isAppError, type AppErrorData } from '../core/errors';
import { failureReason, isGraphBusy, stopsTheBatch } from './failures';
import type { LicenseOutcome } from './license-change';
import type { LicenseAction, LicenseOperation } from './plan';

/** Told while a Graph call runs that Graph answered 429/503 (and how long it asked to wait, when it said). */
export interface BusyObserver {
  onBusy?: (retryAfterMs: number | undefined) => void;
}

/** The Graph calls the batch needs; main passes its Graph client. */
export interface LicenseGraph {
  setUsageLocation(userId: string, country: string, observer?: BusyObserver): Promise<void>;
  assignLicense(userId: string, addSkuIds: readonly string[], removeSkuIds: readonly string[], observer?: BusyObserver): Promise<unknown>;
}


export interface BatchProgress {
  readonly completed: number;
  readonly total: number;
  /** True while the batch waits for a busy Microsoft Graph before trying again. */
  readonly busy: boolean;
}

export interface BatchOptions {
  readonly action: LicenseAction;
  readonly skuId: string;
  readonly operations: readonly LicenseOperation[];
  readonly graph: LicenseGraph;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onProgress?: (progress: BatchProgress) => void;
  /**
   * When Graph stays busy after the client's own retries, the call is tried again this many times,
   * after the pause Graph's last Retry-After asked for, or after these pauses when it said none
   * (default 5 s, 15 s).
   */
  readonly busyDelaysMs?: readonly number[];
  /**
   * Pauses before assigning again when Graph has not yet seen a usage location just set
   * (replication; default 2 s, 4 s, 8 s).
   */
  readonly locationDelaysMs?: readonly number[];
  /** Users changed at the same time (default 4). */
  readonly concurrency?: number;
}

export interface BatchResult {
  readonly outcomes: readonly LicenseOutcome[];
  /** Why the batch stopped before every user was tried (the same failure would repeat for the rest). */
  readonly stoppedBy: AppErrorData | null;
}

/** The longest pause the batch takes for a busy Graph, whatever Retry-After says. */
const maxBusyDelayMs = 60_000;

function toErrorData(error: unknown): AppErrorData {
  if (isAppError(error)) return error.toData();
  return { code: 'INTERNAL', message: 'An unexpected error occurred.', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs the per-user operations: the usage location is set first where the plan says so, then the
 * license is added or removed. A busy Graph is waited for (and said through onProgress), a location
 * Graph has not replicated yet is retried, and a failure that would repeat for everyone stops the batch.
 */
export async function runLicenseBatch(options: BatchOptions): Promise<BatchResult> {
  const busyDelays = options.busyDelaysMs ?? [5_000, 15_000];
  const locationDelays = options.locationDelaysMs ?? [2_000, 4_000, 8_000];
  const total = options.operations.length;
  const outcomes = new Map<string, LicenseOutcome>();
  let completed = 0;
  let waitingForGraph = 0;
  let stoppedBy: AppErrorData | null = null;
  const report = (): void => options.onProgress?.({ completed, total, busy: waitingForGraph > 0 });

  /**
   * One Graph call, tried again after a pause while Graph stays busy. "Busy" is reported from Graph's
   * first 429/503 (the client is then already waiting to retry) until the call ends.
   */
  async function patiently<T>(call: (observer: BusyObserver) => Promise<T>): Promise<T> {
    let waiting = false;
    let retryAfterMs: number | undefined;
    const setWaiting = (value: boolean): void => {
      if (waiting === value) return;
      waiting = value;
      waitingForGraph += value ? 1 : -1;
      report();
    };
    const observer: BusyObserver = {
      onBusy: (askedMs) => {
        retryAfterMs = askedMs;
        setWaiting(true);
      },
    };
    try {
      for (let round = 0; ; round++) {
        try {
          return await call(observer);
        } catch (error) {
          const fallback = busyDelays[round];
          if (!isAppError(error) || !isGraphBusy(error.toData()) || fallback === undefined || stoppedBy !== null) throw error;
          setWaiting(true);
          await options.sleep(Math.min(retryAfterMs ?? fallback, maxBusyDelayMs));
        }
      }
    } finally {
      setWaiting(false);
    }
  }

  async function assign(operation: LicenseOperation): Promise<void> {
    const add = options.action === 'assign' ? [options.skuId] : [];
    const remove = options.action === 'remove' ? [options.skuId] : [];
    for (let attempt = 0; ; attempt++) {
      try {
        await patiently((observer) => options.graph.assignLicense(operation.userId, add, remove, observer));
        return;
      } catch (error) {
        const delay = locationDelays[attempt];
        const notReplicated = isAppError(error) && error.code === 'USAGE_LOCATION_MISSING' && operation.setUsageLocation !== undefined;
        if (!notReplicated || delay === undefined) throw error;
        await options.sleep(delay);
      }
    }
  }

  async function run(operation: LicenseOperation): Promise<LicenseOutcome> {
    const who = { userId: operation.userId, displayName: operation.displayName, userPrincipalName: operation.userPrincipalName };
    let usageLocationSet: string | null = null;
    try {
      if (operation.setUsageLocation !== undefined) {
        const country = operation.setUsageLocation;
        await patiently((observer) => options.graph.setUsageLocation(operation.userId, country, observer));
        usageLocationSet = operation.setUsageLocation;
      }
      await assign(operation);
      return { ...who, status: 'done', usageLocationSet, reason: null };
    } catch (error) {
      const data = toErrorData(error);
      if (stopsTheBatch(data)) stoppedBy ??= { ...data, message: failureReason(data) };
      return { ...who, status: 'failed', usageLocationSet, reason: failureReason(data) };
    }
  }

  const queue = [...options.operations];
  async function worker(): Promise<void> {
    for (let operation = queue.shift(); operation !== undefined; operation = queue.shift()) {
      if (stoppedBy !== null) {
        queue.unshift(operation);
        return;
      }
      outcomes.set(operation.userId, await run(operation));
      completed += 1;
      report();
    }
  }

  report();
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, total));
  await Promise.all(Array.from({ length: workers }, () => worker()));

  const notAttemptedReason = stoppedBy === null ? null : `Not changed: ${(stoppedBy as AppErrorData).message}`;
  return {
    outcomes: options.operations.map(
      (operation) =>
        outcomes.get(operation.userId) ?? {
          userId: operation.userId,
          displayName: operation.displayName,
          userPrincipalName: operation.userPrincipalName,
          status: 'notAttempted',
          usageLocationSet: null,
          reason: notAttemptedReason,
        },
    ),
    stoppedBy,
  };
}
