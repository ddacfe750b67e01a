import type { Outcome } from '../../../../shared/sync-status/run-outcome';

/** Fluent's status colours, each at least 4.5:1 on white. */
export const outcomeColors: Readonly<Record<Outcome, string>> = {
  success: '#107c10',
  warning: '#8a5a00',
  failed: '#a4262c',
  inProgress: '#0078d4',
};
