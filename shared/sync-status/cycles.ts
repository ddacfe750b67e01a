import type { RunRecord } from './status';
import { runOutcome, worstOutcome, type Outcome } from './run-outcome';

/** One synchronization cycle: the runs of imports, synchronizations and exports started together. */
export interface SyncCycle {
  /** The first run's history id (stable while the cycle runs). */
  readonly id: string;
  /** Full when any run was a full import or full synchronization (an Initial cycle). */
  readonly kind: 'full' | 'delta';
  readonly startUtc: string;
  /** Null while the cycle runs. */
  readonly endUtc: string | null;
  readonly outcome: Outcome;
  /** Oldest first, in the order the cycle ran them. */
  readonly runs: readonly RunRecord[];
}

/** A longer pause between two runs means they belong to different cycles. */
export const defaultMaxGapSeconds = 300;

type Phase = 0 | 1 | 2;

/** Import, then synchronization, then export: a cycle never goes back to an earlier phase. */
function phaseOf(runProfileName: string | null): Phase {
  const name = (runProfileName ?? '').toLowerCase();
  if (name.includes('import')) return 0;
  if (name.includes('export')) return 2;
  return 1;
}

const timeOf = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));

/**
 * Groups run history into cycles. The history has no cycle id, so a cycle is a sequence of runs in which
 * the phase (import, sync, export) never goes back, no connector runs the same phase twice, and no pause
 * is longer than `maxGapSeconds`. Returns cycles newest first.
 */
export function groupRunsIntoCycles(runs: readonly RunRecord[], maxGapSeconds = defaultMaxGapSeconds): SyncCycle[] {
  const ordered = runs
    .filter((run) => run.startUtc !== null && !Number.isNaN(timeOf(run.startUtc)))
    .slice()
    .sort((a, b) => timeOf(a.startUtc) - timeOf(b.startUtc));
  const groups: RunRecord[][] = [];
  let current: RunRecord[] = [];
  let lastPhase: Phase = 0;
  let lastEnd = Number.NaN;
  const seen = new Set<string>();

  for (const run of ordered) {
    const phase = phaseOf(run.runProfileName);
    const key = `${phase}|${(run.connectorName ?? '').toLowerCase()}`;
    const start = timeOf(run.startUtc);
    const gapTooLong = !Number.isNaN(lastEnd) && (start - lastEnd) / 1000 > maxGapSeconds;
    if (current.length > 0 && (phase < lastPhase || seen.has(key) || gapTooLong)) {
      groups.push(current);
      current = [];
      seen.clear();
    }
    current.push(run);
    seen.add(key);
    lastPhase = phase;
    const end = timeOf(run.endUtc);
    const reached = Number.isNaN(end) ? start : Math.max(start, end);
    lastEnd = current.length === 1 || Number.isNaN(lastEnd) ? reached : Math.max(lastEnd, reached);
  }
  if (current.length > 0) groups.push(current);
  return groups.map(toCycle).reverse();
}

function toCycle(runs: RunRecord[]): SyncCycle {
  const first = runs[0] as RunRecord;
  const outcome = worstOutcome(runs.map(runOutcome));
  const ends = runs.map((run) => timeOf(run.endUtc)).filter((time) => !Number.isNaN(time));
  const endUtc = outcome === 'inProgress' || ends.length === 0 ? null : new Date(Math.max(...ends)).toISOString();
  const full = runs.some((run) => /^full /i.test(run.runProfileName ?? ''));
  return {
    id: first.runHistoryId ?? `cycle-${first.startUtc ?? ''}`,
    kind: full ? 'full' : 'delta',
    startUtc: first.startUtc as string,
    endUtc,
    outcome,
    runs,
  };
}

/** Seconds the cycle took, or has taken so far while it runs. */
export function cycleDurationSeconds(cycle: SyncCycle, nowMs: number): number {
  const end = cycle.endUtc === null ? nowMs : Date.parse(cycle.endUtc);
  return Math.max(0, (end - Date.parse(cycle.startUtc)) / 1000);
}

export interface CycleProgress {
  readonly completedRuns: number;
  /** The number of runs the last finished cycle of the same kind had; null when there is none to compare with. */
  readonly expectedRuns: number | null;
  /** 0..1, never 1 while running; null when unknown. */
  readonly fraction: number | null;
  /** The run that is running now, if the history shows it. */
  readonly currentRun: RunRecord | null;
}

/** How far a running cycle is, judged against the previous finished cycle of the same kind. */
export function cycleProgress(running: SyncCycle, history: readonly SyncCycle[]): CycleProgress {
  const completedRuns = running.runs.filter((run) => run.isRunComplete).length;
  const currentRun = running.runs.find((run) => !run.isRunComplete) ?? null;
  const previous = history.find((cycle) => cycle.id !== running.id && cycle.outcome !== 'inProgress' && cycle.kind === running.kind);
  const expectedRuns = previous ? previous.runs.length : null;
  const fraction = expectedRuns && expectedRuns > 0 ? Math.min(completedRuns / expectedRuns, 0.95) : null;
  return { completedRuns, expectedRuns, fraction, currentRun };
}
