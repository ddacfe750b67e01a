import { Stack, Text } from '@fluentui/react';
import { DataTable, type DataColumn } from '../../../components/data-table';
import type { RunRecord } from '../../../../shared/sync-status/status';
import { cycleDurationSeconds, type SyncCycle } from '../../../../shared/sync-status/cycles';
import { formatDuration } from '../../../../shared/sync-status/format';
import { outcomeLabels, runOutcome } from '../../../../shared/sync-status/run-outcome';
import { outcomeColors } from './outcome-colors';
import { formatLocalTime } from './time';

const count = (run: RunRecord, field: 'adds' | 'updates' | 'deletes' | 'errors'): string =>
  run.counts === null ? '—' : String(run.counts[field]);

function countColumn(key: 'adds' | 'updates' | 'deletes' | 'errors', name: string): DataColumn<RunRecord> {
  return { key, name, numeric: true, render: (run) => count(run, key) };
}

const columns: DataColumn<RunRecord>[] = [
  { key: 'connector', name: 'Connector', render: (run) => run.connectorName ?? '—' },
  { key: 'profile', name: 'Run profile', render: (run) => run.runProfileName ?? '—' },
  {
    key: 'result',
    name: 'Result',
    render: (run) => (
      <span style={{ color: outcomeColors[runOutcome(run)], fontWeight: 600 }} title={run.result ?? undefined}>
        {run.isRunComplete ? (run.result ?? '—') : 'in progress'}
      </span>
    ),
  },
  { key: 'start', name: 'Start', render: (run) => (run.startUtc ? formatLocalTime(run.startUtc) : '—') },
  { key: 'end', name: 'End', render: (run) => (run.endUtc ? formatLocalTime(run.endUtc) : '—') },
  countColumn('adds', 'Adds'),
  countColumn('updates', 'Updates'),
  countColumn('deletes', 'Deletes'),
  countColumn('errors', 'Errors'),
];

/** A cycle's heading: kind, start, result and duration, as one line. */
export function cycleTitle(cycle: SyncCycle, nowMs: number): string {
  const kind = cycle.kind === 'full' ? 'Full cycle' : 'Delta cycle';
  const duration = formatDuration(cycleDurationSeconds(cycle, nowMs));
  const took = cycle.outcome === 'inProgress' ? `running for ${duration}` : `took ${duration}`;
  return `${kind} started ${formatLocalTime(cycle.startUtc)} — ${outcomeLabels[cycle.outcome]}, ${took}`;
}

/** The last cycles, newest first, each a heading and the list of its runs (per connector and run profile). */
export function CycleHistory({ cycles, nowMs }: { cycles: readonly SyncCycle[]; nowMs: number }): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {cycles.map((cycle) => {
        const title = cycleTitle(cycle, nowMs);
        return (
          <section key={cycle.id} aria-label={title}>
            <Text as="h3" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
              {title}
            </Text>
            <DataTable label={`Runs of the ${title}`} columns={columns} rows={cycle.runs} rowKey={(run, index) => `${cycle.id}-${run.runHistoryId ?? index}`} />
          </section>
        );
      })}
    </Stack>
  );
}
