import { hiddenContentStyle, mergeStyleSets, Stack, Text } from '@fluentui/react';
import { useMemo } from 'react';
import { buildCycleChart, describeCycleChart } from '../../../../shared/sync-status/cycle-chart';
import type { SyncCycle } from '../../../../shared/sync-status/cycles';
import { formatDuration } from '../../../../shared/sync-status/format';
import { outcomeLabels, type Outcome } from '../../../../shared/sync-status/run-outcome';
import { outcomeColors } from './outcome-colors';
import { formatLocalTime, formatShortTime } from './time';

const width = 720;
const height = 220;
const maxBars = 30;

const styles = mergeStyleSets({
  svg: { width: '100%', maxWidth: width, height: 'auto', display: 'block' },
  hidden: hiddenContentStyle,
  swatch: { display: 'inline-block', width: 12, height: 12, marginRight: 6, verticalAlign: 'middle' },
});

const legendOrder: readonly Outcome[] = ['success', 'warning', 'failed', 'inProgress'];

/** Durations and results of the cycles in the run history: a plain SVG bar chart and the same data as a table. */
export function CycleChart({ cycles, nowMs }: { cycles: readonly SyncCycle[]; nowMs: number }): JSX.Element {
  const chart = useMemo(() => buildCycleChart(cycles, { width, height, maxBars, nowMs }), [cycles, nowMs]);
  const summary = describeCycleChart(chart, formatLocalTime);
  const { plot } = chart;
  const labelEvery = Math.max(1, Math.ceil(chart.bars.length / 8));
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid="cycle-chart">
        {chart.ticks.map((tick) => (
          <g key={tick.seconds}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#c8c6c4" strokeWidth={1} />
            <text x={plot.left - 6} y={tick.y + 4} textAnchor="end" fontSize={11} fill="#605e5c">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.bars.map((bar, index) => (
          <g key={bar.cycleId}>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={outcomeColors[bar.outcome]} />
            {index % labelEvery === 0 && (
              <text x={bar.x + bar.width / 2} y={plot.bottom + 16} textAnchor="middle" fontSize={11} fill="#605e5c">
                {formatShortTime(bar.startUtc)}
              </text>
            )}
          </g>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#605e5c" strokeWidth={1} />
      </svg>
      <Stack horizontal wrap tokens={{ childrenGap: 16 }} aria-hidden="true">
        {legendOrder.map((outcome) => (
          <Text key={outcome} variant="small">
            <span className={styles.swatch} style={{ background: outcomeColors[outcome] }} />
            {outcomeLabels[outcome]}
          </Text>
        ))}
      </Stack>
      <div className={styles.hidden}>
        <table>
        <caption>Synchronization cycles shown in the chart, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Type</th>
            <th scope="col">Duration</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {chart.bars.map((bar) => (
            <tr key={bar.cycleId}>
              <td>{formatLocalTime(bar.startUtc)}</td>
              <td>{bar.kind === 'full' ? 'Full' : 'Delta'}</td>
              <td>{formatDuration(bar.durationSeconds)}</td>
              <td>{outcomeLabels[bar.outcome]}</td>
            </tr>
          ))}
        </tbody>
        </table>
      </div>
    </Stack>
  );
}
