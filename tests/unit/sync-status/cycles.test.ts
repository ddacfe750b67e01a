import { describe, expect, it } from 'vitest';
import { cycleDurationSeconds, cycleProgress, groupRunsIntoCycles } from '../../../shared/sync-status/cycles';
import { cycle, run } from './runs';

const newestFirst = <T>(items: T[]): T[] => items.slice().reverse();

describe('groupRunsIntoCycles', () => {
  it('splits the run history into its cycles, newest first, whatever order the runs come in', () => {
    const history = [...cycle('2025-05-01T10:00:00Z'), ...cycle('2025-05-01T10:30:00Z'), ...cycle('2025-05-01T11:00:00Z')];
    const cycles = groupRunsIntoCycles(newestFirst(history));
    expect(cycles.map((c) => c.startUtc)).toEqual(['2025-05-01T11:00:00.000Z', '2025-05-01T10:30:00.000Z', '2025-05-01T10:00:00.000Z']);
    expect(cycles.map((c) => c.runs.length)).toEqual([6, 6, 6]);
    expect(cycles[0]?.runs.map((r) => r.runProfileName)).toEqual([
      'Delta Import',
      'Delta Import',
      'Delta Synchronization',
      'Delta Synchronization',
      'Export',
      'Export',
    ]);
    expect(cycles[0]).toMatchObject({ kind: 'delta', outcome: 'success', endUtc: '2025-05-01T11:00:06.000Z' });
  });

  it('separates back-to-back staging cycles (no exports) by the phase going back to import', () => {
    const history = [...cycle('2025-05-01T10:00:00Z', { staging: true }), ...cycle('2025-05-01T10:00:04Z', { staging: true })];
    const cycles = groupRunsIntoCycles(history);
    expect(cycles.map((c) => c.runs.length)).toEqual([4, 4]);
  });

  it('separates runs by a long pause even when the phases would continue', () => {
    const history = [
      run('2025-05-01T10:00:00Z', 0, 'contoso.com', 'Delta Import'),
      run('2025-05-01T10:00:00Z', 3600, 'contoso.onmicrosoft.com - AAD', 'Delta Import'),
    ];
    expect(groupRunsIntoCycles(history)).toHaveLength(2);
    expect(groupRunsIntoCycles(history, 7200)).toHaveLength(1);
  });

  it('starts a new cycle when the same connector runs the same phase again (runs started by hand)', () => {
    const history = [
      run('2025-05-01T10:00:00Z', 0, 'contoso.com', 'Delta Import'),
      run('2025-05-01T10:00:00Z', 5, 'contoso.com', 'Full Import'),
    ];
    const cycles = groupRunsIntoCycles(history);
    expect(cycles).toHaveLength(2);
    expect(cycles[0]?.kind).toBe('full');
  });

  it('calls a cycle full when it ran full imports and synchronizations', () => {
    expect(groupRunsIntoCycles(cycle('2025-05-01T10:00:00Z', { full: true }))[0]?.kind).toBe('full');
  });

  it('takes the worst result of a cycle: a failed export fails the cycle, sync errors make it a warning', () => {
    const failed = groupRunsIntoCycles(cycle('2025-05-01T10:00:00Z', { results: { 4: 'stopped-deletion-threshold-exceeded' } }));
    expect(failed[0]?.outcome).toBe('failed');
    const warned = groupRunsIntoCycles(cycle('2025-05-01T10:00:00Z', { results: { 2: 'completed-sync-errors' } }));
    expect(warned[0]?.outcome).toBe('warning');
  });

  it('shows a running cycle as in progress, without an end, with its elapsed time as duration', () => {
    const runs = [
      run('2025-05-01T10:00:00Z', 0, 'contoso.com', 'Delta Import'),
      run('2025-05-01T10:00:00Z', 1, 'contoso.onmicrosoft.com - AAD', 'Delta Import', { complete: false }),
    ];
    const [running] = groupRunsIntoCycles(runs);
    expect(running).toMatchObject({ outcome: 'inProgress', endUtc: null });
    expect(cycleDurationSeconds(running!, Date.parse('2025-05-01T10:00:04Z'))).toBe(4);
  });

  it('ignores runs without a start time and answers no cycles for an empty history', () => {
    expect(groupRunsIntoCycles([])).toEqual([]);
    expect(groupRunsIntoCycles([{ ...run('2025-05-01T10:00:00Z', 0, 'x', 'Export'), startUtc: null }])).toEqual([]);
  });
});

describe('cycleProgress', () => {
  it('measures a running cycle against the last finished cycle of the same kind', () => {
    const finished = cycle('2025-05-01T10:00:00Z');
    const running = [
      run('2025-05-01T10:30:00Z', 0, 'contoso.com', 'Delta Import'),
      run('2025-05-01T10:30:00Z', 1, 'contoso.onmicrosoft.com - AAD', 'Delta Import'),
      run('2025-05-01T10:30:00Z', 2, 'contoso.com', 'Delta Synchronization', { complete: false }),
    ];
    const cycles = groupRunsIntoCycles([...finished, ...running]);
    const progress = cycleProgress(cycles[0]!, cycles);
    expect(progress).toMatchObject({ completedRuns: 2, expectedRuns: 6 });
    expect(progress.fraction).toBeCloseTo(2 / 6);
    expect(progress.currentRun?.runProfileName).toBe('Delta Synchronization');
  });

  it('does not know how far a cycle is without a finished one of its kind, and never claims 100 %', () => {
    const running = [run('2025-05-01T10:30:00Z', 0, 'contoso.com', 'Full Import', { complete: false })];
    const cycles = groupRunsIntoCycles([...cycle('2025-05-01T10:00:00Z'), ...running]);
    expect(cycleProgress(cycles[0]!, cycles)).toMatchObject({ expectedRuns: null, fraction: null });

    const longer = groupRunsIntoCycles([
      ...cycle('2025-05-01T09:00:00Z', { staging: true }),
      ...cycle('2025-05-01T10:00:00Z'),
    ]);
    // Seen from the 4-run cycle, a 6-run cycle "in progress" is capped below 1.
    const pretendRunning = { ...longer[0]!, outcome: 'inProgress' as const, runs: longer[0]!.runs };
    expect(cycleProgress(pretendRunning, longer).fraction).toBe(0.95);
  });
});
