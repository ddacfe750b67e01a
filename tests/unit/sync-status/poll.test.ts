import { describe, expect, it } from 'vitest';
import { mergeRuns, pollSince } from '../../../shared/sync-status/poll';
import { cycle, run } from './runs';

const base = '2026-11-30T10:00:00.000Z';

describe('polling the run history during a cycle', () => {
  it('starts at the oldest unfinished run, else at the newest run', () => {
    const finished = cycle(base);
    const newest = finished[0]?.startUtc;
    expect(pollSince(finished)).toBe(newest);
    const running = [run(base, 600, 'contoso.com', 'Delta Synchronization', { complete: false }), run(base, 590, 'contoso.com', 'Delta Import', { complete: false }), ...finished];
    expect(pollSince(running)).toBe(new Date(Date.parse(base) + 590_000).toISOString());
    expect(pollSince([])).toBeUndefined();
  });

  it('merges a poll: a run seen again replaces its old copy, new runs come first, nothing is lost', () => {
    const older = cycle(base);
    const inProgress = run(base, 600, 'contoso.com', 'Delta Import', { complete: false });
    const known = [inProgress, ...older];
    const finished = run(base, 600, 'contoso.com', 'Delta Import');
    const next = run(base, 610, 'contoso.com', 'Delta Synchronization', { complete: false });
    const merged = mergeRuns(known, [next, finished]);
    expect(merged).toHaveLength(older.length + 2);
    expect(merged[0]).toEqual(next);
    expect(merged[1]).toEqual(finished);
    expect(merged.filter((record) => !record.isRunComplete)).toEqual([next]);
  });
});
