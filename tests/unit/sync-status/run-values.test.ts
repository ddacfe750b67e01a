import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatInterval } from '../../../shared/sync-status/format';
import { runCountsFromCounters } from '../../../shared/sync-status/run-counts';
import { runOutcome, worstOutcome } from '../../../shared/sync-status/run-outcome';

describe('runOutcome', () => {
  it('reads the run history results', () => {
    const outcome = (result: string | null, isRunComplete = true) => runOutcome({ result, isRunComplete });
    expect(outcome('success')).toBe('success');
    expect(outcome('completed-no-objects')).toBe('success');
    expect(outcome('completed-sync-errors')).toBe('warning');
    expect(outcome('completed-export-errors')).toBe('warning');
    expect(outcome('stopped-deletion-threshold-exceeded')).toBe('failed');
    expect(outcome('no-start-connection')).toBe('failed');
    expect(outcome(null)).toBe('failed');
    expect(outcome('in-progress', false)).toBe('inProgress');
    expect(worstOutcome(['success', 'warning', 'success'])).toBe('warning');
    expect(worstOutcome(['failed', 'inProgress'])).toBe('inProgress');
    expect(worstOutcome([])).toBe('success');
  });
});

describe('runCountsFromCounters', () => {
  const counters = {
    StageAdd: 3, StageUpdate: 2, StageRename: 1, StageDelete: 4, StageDeleteAdd: 1, StageFailure: 1,
    DisconnectorProjectedFlow: 5, DisconnectorJoinedFlow: 2, ConnectorFlow: 7, ConnectorDeleteRemoveMv: 1, FlowFailure: 2,
    ExportAdd: 6, ExportUpdate: 3, ExportRename: 1, ExportDelete: 2, ExportFailure: 1,
  };

  it('counts staged changes for imports, projections/joins and flows for synchronizations, exported changes for exports', () => {
    expect(runCountsFromCounters('Delta Import', counters)).toEqual({ adds: 3, updates: 3, deletes: 5, errors: 1 });
    expect(runCountsFromCounters('Full Synchronization', counters)).toEqual({ adds: 7, updates: 7, deletes: 1, errors: 2 });
    expect(runCountsFromCounters('Export', counters)).toEqual({ adds: 6, updates: 4, deletes: 2, errors: 1 });
  });

  it('treats missing counters as zero', () => {
    expect(runCountsFromCounters('Export', {})).toEqual({ adds: 0, updates: 0, deletes: 0, errors: 0 });
  });
});

describe('formatting', () => {
  it('writes durations, intervals and ages as an administrator reads them', () => {
    expect(formatDuration(6)).toBe('6 s');
    expect(formatDuration(72)).toBe('1 min 12 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatInterval(1800)).toBe('30 minutes');
    expect(formatInterval(3 * 3600)).toBe('3 hours');
    expect(formatInterval(86_400 + 3600)).toBe('1 day 1 hour');
    expect(formatInterval(0)).toBe('0 seconds');
    expect(formatAge(30)).toBe('just now');
    expect(formatAge(300)).toBe('5 minutes ago');
    expect(formatAge(3 * 3600 + 5)).toBe('3 hours ago');
    expect(formatAge(2 * 86_400)).toBe('2 days ago');
  });
});
