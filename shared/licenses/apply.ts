import type { AppErrorData } from '../core/errors';
import { failureReason, stopsTheBatch } from './failures';
import type { LicenseOutcome, LicensesProgress } from './license-change';
import type { LicenseAction, LicenseOperation } from './plan';

/** One Graph write with its own id (a request of a `$batch`). */
export interface LicenseWriteRequest {
  readonly id: string;
  readonly method: 'PATCH' | 'POST';
  /** Relative to the Graph version: `/users/{id}`, `/users/{id}/assignLicense`. */
  readonly url: string;
  readonly body: unknown;
}

export type LicenseWriteOutcome =
  | { readonly id: string; readonly status: 'done' }
  | { readonly id: string; readonly status: 'failed'; readonly error: AppErrorData }
  | { readonly id: string; readonly status: 'notAttempted' };

export interface LicenseWriteObserver {
  onOutcome?: (outcome: LicenseWriteOutcome) => void;
  onThrottled?: (info: { readonly waitMs: number; readonly waiting: number }) => void;
  onPacing?: (waitMs: number) => void;
  onResumed?: () => void;
}

/**
 * What the batch needs of Microsoft Graph: many writes, each with its own outcome, none applied twice
 * (main passes its Graph client, which batches them and honours Retry-After per request).
 */
export interface LicenseGraph {
  runRequests(
    requests: readonly LicenseWriteRequest[],
    options: { readonly observer?: LicenseWriteObserver; readonly stopOn?: (error: AppErrorData) => boolean },
  ): Promise<readonly LicenseWriteOutcome[]>;
}

export type BatchProgress = Omit<LicensesProgress, 'applyId'>;

export interface BatchOptions {
  readonly action: LicenseAction;
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
  readonly operations: readonly LicenseOperation[];
  readonly graph: LicenseGraph;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onProgress?: (progress: BatchProgress) => void;
  /**
   * Pauses before assigning again to users whose usage location was just set but whom Graph still finds
   * without one (replication, graph-and-msal.md §1.2; default 2 s, 4 s, 8 s). Their 400 says nothing was
   * applied, so trying again applies nothing twice.
   */
  readonly locationDelaysMs?: readonly number[];
  /**
   * Least time between two progress reports (default 150 ms); the first, a change of phase and the last
   * are always reported. A thousand users make thousands of outcomes: the page needs a few updates a second.
   */
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
}

export interface BatchResult {
  readonly outcomes: readonly LicenseOutcome[];
  /** Why the batch stopped before every user was tried (the same failure would repeat for the rest). */
  readonly stoppedBy: AppErrorData | null;
}

function licenseBody(options: BatchOptions): unknown {
  // Both arrays always (group-assignlicense.md; I7: a missing addLicenses is a 400).
  if (options.action === 'remove') return { addLicenses: [], removeLicenses: [options.skuId] };
  return { addLicenses: [{ skuId: options.skuId, disabledPlans: [...options.disabledPlans] }], removeLicenses: [] };
}

/**
 * Changes many users' licenses in two phases, because within one `$batch` `dependsOn` must be all
 * parallel or fully serial (licensing-at-scale §4): first every usage location that must be set, then
 * every license change. A user whose usage location could not be set is not changed in phase two, with
 * the reason. A failure that would repeat for everyone (a missing role, Graph busy for good) stops the
 * batch; the users not tried are listed as such.
 */
export async function runLicenseBatch(options: BatchOptions): Promise<BatchResult> {
  const locationDelays = options.locationDelaysMs ?? [2_000, 4_000, 8_000];
  const operations = options.operations;
  const total = operations.length;
  const outcomes = new Map<string, LicenseOutcome>();
  let stoppedBy: AppErrorData | null = null;
  let phase: BatchProgress['phase'] = operations.some((operation) => operation.setUsageLocation !== undefined) ? 'usageLocation' : 'licenses';
  let busy: { waitMs: number; waiting: number } | null = null;
  let throttled = 0;
  let pacing = false;
  const interval = options.progressIntervalMs ?? 150;
  const now = options.now ?? (() => Date.now());
  let last: { at: number; phase: BatchProgress['phase'] } | null = null;
  const report = (): void => {
    const at = now();
    const final = outcomes.size === total;
    if (last !== null && last.phase === phase && !final && at - last.at < interval) return;
    last = { at, phase };
    options.onProgress?.({
      completed: outcomes.size,
      total,
      phase,
      busy: busy !== null,
      waiting: busy?.waiting ?? 0,
      retryInMs: busy?.waitMs ?? null,
      throttled,
      pacing,
    });
  };
  const observer: LicenseWriteObserver = {
    onThrottled: (info) => {
      busy = info;
      throttled += info.waiting;
      report();
    },
    onPacing: () => {
      pacing = true;
      report();
    },
    onResumed: () => {
      busy = null;
      pacing = false;
      report();
    },
  };
  const stopOn = (error: AppErrorData): boolean => {
    if (!stopsTheBatch(error)) return false;
    stoppedBy ??= { ...error, message: failureReason(error) };
    return true;
  };
  const who = (operation: LicenseOperation) => ({ userId: operation.userId, displayName: operation.displayName, userPrincipalName: operation.userPrincipalName });
  const finish = (operation: LicenseOperation, outcome: Omit<LicenseOutcome, 'userId' | 'displayName' | 'userPrincipalName'>): void => {
    outcomes.set(operation.userId, { ...who(operation), ...outcome });
    report();
  };
  const run = (requests: LicenseWriteRequest[], settle: (outcome: LicenseWriteOutcome) => void) =>
    options.graph.runRequests(requests, { observer: { ...observer, onOutcome: settle }, stopOn });

  report();

  // Phase 1: usage locations.
  const byLocationId = new Map<string, LicenseOperation>();
  const located = new Set<string>();
  const locationRequests = operations.flatMap((operation, index): LicenseWriteRequest[] => {
    if (operation.setUsageLocation === undefined) return [];
    const id = `location-${index}`;
    byLocationId.set(id, operation);
    return [{ id, method: 'PATCH', url: `/users/${encodeURIComponent(operation.userId)}`, body: { usageLocation: operation.setUsageLocation } }];
  });
  if (locationRequests.length > 0) {
    await run(locationRequests, (outcome) => {
      const operation = byLocationId.get(outcome.id);
      if (operation === undefined) return;
      if (outcome.status === 'done') located.add(operation.userId);
      if (outcome.status === 'failed') {
        finish(operation, {
          status: 'failed',
          usageLocationSet: null,
          reason: `The usage location could not be set, so the license was not changed: ${failureReason(outcome.error)}`,
        });
      }
    });
  }

  // Phase 2: the license changes, for users whose location is set (or was not needed).
  phase = 'licenses';
  report();
  let pending = stoppedBy === null ? operations.filter((operation) => !outcomes.has(operation.userId) && (operation.setUsageLocation === undefined || located.has(operation.userId))) : [];
  for (let round = 0; pending.length > 0 && stoppedBy === null; round += 1) {
    const byId = new Map<string, LicenseOperation>();
    const requests = pending.map((operation, index): LicenseWriteRequest => {
      const id = `license-${round}-${index}`;
      byId.set(id, operation);
      return { id, method: 'POST', url: `/users/${encodeURIComponent(operation.userId)}/assignLicense`, body: licenseBody(options) };
    });
    const notReplicated: LicenseOperation[] = [];
    const delay = locationDelays[round];
    await run(requests, (outcome) => {
      const operation = byId.get(outcome.id);
      if (operation === undefined || outcome.status === 'notAttempted') return;
      const usageLocationSet = located.has(operation.userId) ? (operation.setUsageLocation ?? null) : null;
      if (outcome.status === 'done') {
        finish(operation, { status: 'done', usageLocationSet, reason: null });
        return;
      }
      if (outcome.error.code === 'USAGE_LOCATION_MISSING' && located.has(operation.userId) && delay !== undefined) {
        notReplicated.push(operation);
        return;
      }
      finish(operation, { status: 'failed', usageLocationSet, reason: failureReason(outcome.error) });
    });
    pending = notReplicated;
    if (pending.length > 0 && delay !== undefined && stoppedBy === null) await options.sleep(delay);
  }

  const notAttemptedReason = stoppedBy === null ? null : `Not changed: ${(stoppedBy as AppErrorData).message}`;
  return {
    outcomes: operations.map(
      (operation) =>
        outcomes.get(operation.userId) ?? {
          ...who(operation),
          status: 'notAttempted',
          usageLocationSet: located.has(operation.userId) ? (operation.setUsageLocation ?? null) : null,
          reason: notAttemptedReason,
        },
    ),
    stoppedBy,
  };
}
