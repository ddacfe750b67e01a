import type { RunCounts } from './status';

/** Counters of Get-ADSyncRunStepResult, by the cmdlet's property names (StageAdd, ExportUpdate, FlowFailure...). */
export type RunStepCounters = Readonly<Record<string, number | null | undefined>>;

const sum = (counters: RunStepCounters, names: readonly string[]): number =>
  names.reduce((total, name) => total + (counters[name] ?? 0), 0);

/**
 * A run's adds, updates, deletes and errors from its step counters, per kind of run profile, as
 * Synchronization Service Manager groups them: imports count staged changes, synchronizations count
 * projections/joins, flows and deletions of connectors, exports count exported changes.
 */
export function runCountsFromCounters(runProfileName: string | null, counters: RunStepCounters): RunCounts {
  const name = (runProfileName ?? '').toLowerCase();
  if (name.includes('import')) {
    return {
      adds: sum(counters, ['StageAdd']),
      updates: sum(counters, ['StageUpdate', 'StageRename']),
      deletes: sum(counters, ['StageDelete', 'StageDeleteAdd']),
      errors: sum(counters, ['StageFailure']),
    };
  }
  if (name.includes('export')) {
    return {
      adds: sum(counters, ['ExportAdd']),
      updates: sum(counters, ['ExportUpdate', 'ExportRename']),
      deletes: sum(counters, ['ExportDelete', 'ExportDeleteAdd']),
      errors: sum(counters, ['ExportFailure']),
    };
  }
  return {
    adds: sum(counters, ['DisconnectorProjectedFlow', 'DisconnectorProjectedNoFlow', 'DisconnectorJoinedFlow', 'DisconnectorJoinedNoFlow']),
    updates: sum(counters, ['ConnectorFlow']),
    deletes: sum(counters, [
      'ConnectorDeleteRemoveMv',
      'ConnectorDeleteLeaveMv',
      'ConnectorFilteredRemoveMv',
      'ConnectorFilteredLeaveMv',
      'DisconnectorJoinedRemoveMv',
      'DisconnectorProjectedRemoveMv',
    ]),
    errors: sum(counters, ['FlowFailure']),
  };
}
