import { DetailsList, DetailsListLayoutMode, SelectionMode, Stack, Text, type IColumn } from '@fluentui/react';
import type { RunRecord } from '../../../../shared/sync-status/status';
import { cycleDurationSeconds, type SyncCycle } from '../../../../shared/sync-status/cycles';
import { formatDuration } from '../../../../shared/sync-status/format';
import { outcomeLabels, runOutcome } from '../../../../shared/sync-status/run-outcome';
import { outcomeColors } from './outcome-colors';
import { formatLocalTime } from './time';

interface RunRow {
  readonly key: string;
  readonly run: RunRecord;
}

const count = (run: RunRecord, field: 'adds' | 'updates' | 'deletes' | 'errors'): string =>
  run.counts === null ? '—' : String(run.counts[field]);

function countColumn(key: 'adds' | 'updates' | 'deletes' | 'errors', name: string): IColumn {
  return { key, name, minWidth: 48, maxWidth: 64, onRender: (row: RunRow) => count(row.run, key) };
}

const columns: IColumn[] = [
  { key: 'connector', name: 'Connector', minWidth: 130, maxWidth: 240, isResizable: true, onRender: (row: RunRow) => row.run.connectorName ?? '—' },
  { key: 'profile', name: 'Run profile', minWidth: 120, maxWidth: 170, isResizable: true, onRender: (row: RunRow) => row.run.runProfileName ?? '—' },
  {
    key: 'result',
    name: 'Result',
    minWidth: 80,
    maxWidth: 200,
    isResizable: true,
    onRender: (row: RunRow) => (
      <span style={{ color: outcomeColors[runOutcome(row.run)], fontWeight: 600 }} title={row.run.result ?? undefined}>
        {row.run.isRunComplete ? (row.run.result ?? '—') : 'in progress'}
      </span>
    ),
  },
  { key: 'start', name: 'Start', minWidth: 130, maxWidth: 170, onRender: (row: RunRow) => (row.run.startUtc ? formatLocalTime(row.run.startUtc) : '—') },
  { key: 'end', name: 'End', minWidth: 130, maxWidth: 170, onRender: (row: RunRow) => (row.run.endUtc ? formatLocalTime(row.run.endUtc) : '—') },
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
        const rows: RunRow[] = cycle.runs.map((run, index) => ({ key: `${cycle.id}-${run.runHistoryId ?? index}`, run }));
        return (
          <section key={cycle.id} aria-label={title}>
            <Text as="h3" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
              {title}
            </Text>
            <DetailsList
              items={rows}
              columns={columns}
              getKey={(row: RunRow) => row.key}
              selectionMode={SelectionMode.none}
              layoutMode={DetailsListLayoutMode.justified}
              compact
              ariaLabelForGrid={`Runs of the ${title}`}
              onShouldVirtualize={() => false}
            />
          </section>
        );
      })}
    </Stack>
  );
}
