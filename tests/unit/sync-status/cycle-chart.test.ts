import { describe, expect, it } from 'vitest';
import { buildCycleChart, describeCycleChart, niceScale } from '../../../shared/sync-status/cycle-chart';
import { groupRunsIntoCycles } from '../../../shared/sync-status/cycles';
import { cycle, run } from './runs';

const options = { width: 720, height: 220, maxBars: 30, nowMs: Date.parse('2025-05-01T12:00:00Z') };
const isoTime = (iso: string): string => iso.slice(11, 16);

describe('niceScale', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(6)).toEqual({ max: 6, step: 2 });
    expect(niceScale(37)).toEqual({ max: 40, step: 10 });
    expect(niceScale(0)).toEqual({ max: 1, step: 0.5 });
    expect(niceScale(7200).max).toBeGreaterThanOrEqual(7200);
  });
});

describe('buildCycleChart', () => {
  const history = [
    ...cycle('2025-05-01T10:00:00Z'),
    ...cycle('2025-05-01T10:30:00Z', { full: true, results: { 4: 'stopped-server-down' } }),
    ...cycle('2025-05-01T11:00:00Z', { staging: true }),
  ];
  const cycles = groupRunsIntoCycles(history);

  it('draws one bar per cycle, oldest left, tallest for the longest, coloured by result', () => {
    const chart = buildCycleChart(cycles, options);
    expect(chart.bars.map((bar) => [bar.startUtc, bar.durationSeconds, bar.outcome, bar.kind])).toEqual([
      ['2025-05-01T10:00:00.000Z', 6, 'success', 'delta'],
      ['2025-05-01T10:30:00.000Z', 6, 'failed', 'full'],
      ['2025-05-01T11:00:00.000Z', 4, 'success', 'delta'],
    ]);
    const [first, second, third] = chart.bars;
    expect(first!.x).toBeLessThan(second!.x);
    expect(second!.x).toBeLessThan(third!.x);
    expect(third!.height).toBeLessThan(first!.height);
    // Bars stand on the axis and stay inside the plot.
    for (const bar of chart.bars) {
      expect(bar.y + bar.height).toBeCloseTo(chart.plot.bottom);
      expect(bar.y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(bar.x + bar.width).toBeLessThanOrEqual(chart.plot.right);
    }
  });

  it('labels the axis with round durations from zero to the top', () => {
    const chart = buildCycleChart(cycles, options);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['0 s', '2 s', '4 s', '6 s']);
    expect(chart.ticks[0]?.y).toBe(chart.plot.bottom);
    expect(chart.ticks.at(-1)?.y).toBe(chart.plot.top);
  });

  it('keeps only the newest cycles when there are more than fit', () => {
    const many = groupRunsIntoCycles(
      Array.from({ length: 40 }, (_, index) => cycle(new Date(Date.parse('2025-05-01T00:00:00Z') + index * 1_800_000).toISOString())).flat(),
    );
    const chart = buildCycleChart(many, options);
    expect(chart.bars).toHaveLength(30);
    expect(chart.bars.at(-1)?.startUtc).toBe('2025-05-01T19:30:00.000Z');
  });

  it('shows a running cycle with the time it has taken so far, and a zero-length cycle as a visible sliver', () => {
    const running = groupRunsIntoCycles([run('2025-05-01T11:59:50Z', 0, 'contoso.com', 'Delta Import', { complete: false })]);
    expect(buildCycleChart(running, options).bars[0]).toMatchObject({ durationSeconds: 10, outcome: 'inProgress' });
    const instant = groupRunsIntoCycles([run('2025-05-01T11:00:00Z', 0, 'contoso.com', 'Export', { seconds: 0 })]);
    expect(buildCycleChart(instant, options).bars[0]?.height).toBeGreaterThanOrEqual(2);
  });
});

describe('describeCycleChart', () => {
  it('sums the chart up in one sentence: count, time span, results, range and the latest cycle', () => {
    const cycles = groupRunsIntoCycles([
      ...cycle('2025-05-01T10:00:00Z'),
      ...cycle('2025-05-01T10:30:00Z', { results: { 2: 'completed-sync-errors' } }),
      ...cycle('2025-05-01T11:00:00Z', { staging: true }),
    ]);
    expect(describeCycleChart(buildCycleChart(cycles, options), isoTime)).toBe(
      'Durations of 3 synchronization cycles from 10:00 to 11:00: 2 succeeded, 1 completed with errors. Shortest 4 s, longest 6 s. The latest cycle: succeeded, 4 s.',
    );
  });

  it('says so when there is one cycle or none', () => {
    const one = groupRunsIntoCycles(cycle('2025-05-01T10:00:00Z'));
    expect(describeCycleChart(buildCycleChart(one, options), isoTime)).toBe('Durations of 1 synchronization cycle at 10:00: 1 succeeded. It took 6 s.');
    expect(describeCycleChart(buildCycleChart([], options), isoTime)).toBe('Synchronization cycle durations: the run history has no cycles yet.');
  });
});
