import type { RunRecord } from './status';

/** How a run (or a cycle) ended, as a colour and a word on the page. */
export type Outcome = 'success' | 'warning' | 'failed' | 'inProgress';

const severity: Readonly<Record<Outcome, number>> = { success: 0, warning: 1, failed: 2, inProgress: 3 };

/**
 * Run history results: `success`; `completed-*` finished with object-level errors or warnings (except
 * `completed-no-objects`, which is a clean run with nothing to do); anything else (`stopped-*`,
 * `no-start-*`, `call-failure`...) did not complete its work.
 */
export function runOutcome(run: Pick<RunRecord, 'result' | 'isRunComplete'>): Outcome {
  const result = (run.result ?? '').trim().toLowerCase();
  if (!run.isRunComplete || result === 'in-progress') return 'inProgress';
  if (result === 'success' || result === 'completed-no-objects') return 'success';
  if (result.startsWith('completed-')) return 'warning';
  return 'failed';
}

/** The outcome of several runs: in progress if any still runs, else the worst one. */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  return outcomes.reduce<Outcome>((worst, outcome) => (severity[outcome] > severity[worst] ? outcome : worst), 'success');
}

export const outcomeLabels: Readonly<Record<Outcome, string>> = {
  success: 'Succeeded',
  warning: 'Completed with errors',
  failed: 'Failed',
  inProgress: 'In progress',
};
