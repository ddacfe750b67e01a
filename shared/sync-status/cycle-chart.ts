import { cycleDurationSeconds, type SyncCycle } from './cycles';
import { formatDuration } from './format';
import { outcomeLabels, type Outcome } from './run-outcome';

/** One bar: a cycle's duration, placed in the chart's SVG coordinates. */
export interface ChartBar {
  readonly cycleId: string;
  readonly kind: SyncCycle['kind'];
  readonly startUtc: string;
  readonly durationSeconds: number;
  readonly outcome: Outcome;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartTick {
  readonly seconds: number;
  readonly y: number;
  readonly label: string;
}

export interface CycleChart {
  readonly width: number;
  readonly height: number;
  /** The plot area inside the axes. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** Oldest left, newest right. */
  readonly bars: readonly ChartBar[];
  readonly ticks: readonly ChartTick[];
  readonly maxSeconds: number;
}

export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  /** The most cycles shown (the newest ones). */
  readonly maxBars: number;
  readonly nowMs: number;
}

const axisLeft = 56;
const axisBottom = 24;
const top = 8;
const right = 8;

/** A round upper bound for the axis (1, 2 or 5 times a power of ten, in seconds) and its ticks. */
export function niceScale(maxValue: number, tickCount = 4): { max: number; step: number } {
  const raw = Math.max(maxValue, 1) / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  return { max: step * Math.ceil(Math.max(maxValue, 1) / step), step };
}

/** Bar chart data of cycle durations; `cycles` may be in any order. */
export function buildCycleChart(cycles: readonly SyncCycle[], options: ChartOptions): CycleChart {
  const shown = cycles
    .slice()
    .sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc))
    .slice(-options.maxBars);
  const plot = { left: axisLeft, top, right: options.width - right, bottom: options.height - axisBottom };
  const durations = shown.map((cycle) => cycleDurationSeconds(cycle, options.nowMs));
  const { max, step } = niceScale(Math.max(0, ...durations));
  const plotHeight = plot.bottom - plot.top;
  const slot = shown.length > 0 ? (plot.right - plot.left) / Math.max(shown.length, 1) : 0;
  const barWidth = Math.min(slot * 0.7, 48);
  const bars = shown.map((cycle, index): ChartBar => {
    const durationSeconds = durations[index] ?? 0;
    // A visible sliver even for a zero-second cycle, so every cycle can be seen.
    const height = Math.max((durationSeconds / max) * plotHeight, 2);
    return {
      cycleId: cycle.id,
      kind: cycle.kind,
      startUtc: cycle.startUtc,
      durationSeconds,
      outcome: cycle.outcome,
      x: plot.left + slot * index + (slot - barWidth) / 2,
      y: plot.bottom - height,
      width: barWidth,
      height,
    };
  });
  const ticks: ChartTick[] = [];
  for (let seconds = 0; seconds <= max + step / 1000; seconds += step) {
    ticks.push({ seconds, y: plot.bottom - (seconds / max) * plotHeight, label: formatDuration(seconds) });
  }
  return { width: options.width, height: options.height, plot, bars, ticks, maxSeconds: max };
}

/** The chart in one sentence for screen readers (the chart's aria-label). */
export function describeCycleChart(chart: CycleChart, formatTime: (iso: string) => string): string {
  const { bars } = chart;
  const first = bars[0];
  const last = bars[bars.length - 1];
  if (!first || !last) return 'Synchronization cycle durations: the run history has no cycles yet.';
  const counts = new Map<Outcome, number>();
  for (const bar of bars) counts.set(bar.outcome, (counts.get(bar.outcome) ?? 0) + 1);
  const byOutcome = (['success', 'warning', 'failed', 'inProgress'] as const)
    .filter((outcome) => counts.has(outcome))
    .map((outcome) => `${counts.get(outcome) ?? 0} ${outcomeLabels[outcome].toLowerCase()}`)
    .join(', ');
  const durations = bars.map((bar) => bar.durationSeconds);
  const range =
    bars.length === 1
      ? `It took ${formatDuration(first.durationSeconds)}.`
      : `Shortest ${formatDuration(Math.min(...durations))}, longest ${formatDuration(Math.max(...durations))}.`;
  const cycles = bars.length === 1 ? '1 synchronization cycle' : `${bars.length} synchronization cycles`;
  const span = bars.length === 1 ? `at ${formatTime(first.startUtc)}` : `from ${formatTime(first.startUtc)} to ${formatTime(last.startUtc)}`;
  const latest =
    bars.length === 1
      ? ''
      : ` The latest cycle: ${outcomeLabels[last.outcome].toLowerCase()}, ${formatDuration(last.durationSeconds)}${last.outcome === 'inProgress' ? ' so far' : ''}.`;
  return `Durations of ${cycles} ${span}: ${byOutcome}. ${range}${latest}`;
}
