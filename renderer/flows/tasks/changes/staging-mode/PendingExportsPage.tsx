import { Checkbox, DefaultButton, Link, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import { pendingExportsNeedReview } from '../../../../../shared/changes/pending-exports-review';
import { deletesOverThreshold, type PendingExports } from '../../../../../shared/changes/staging';
import type { AppErrorData } from '../../../../../shared/core/errors';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';
import { useWizard } from '../../../../wizard/wizard-context';
import { ComparePanel } from '../../configuration/ComparePanel';
import { DataTable, type DataColumn } from '../../../../components/data-table';

type ConnectorCounts = PendingExports['connectors'][number];
const countColumn = (key: 'adds' | 'updates' | 'deletes', name: string): DataColumn<ConnectorCounts> => ({ key, name, numeric: true, render: (connector) => connector[key] ?? '?' });
const countColumns: DataColumn<ConnectorCounts>[] = [
  { key: 'connector', name: 'Connector', render: (connector) => connector.name },
  countColumn('adds', 'Adds'),
  countColumn('updates', 'Updates'),
  countColumn('deletes', 'Deletes'),
];

function CountsTable({ pending }: { pending: PendingExports }): JSX.Element {
  return <DataTable label="Pending exports per connector" columns={countColumns} rows={pending.connectors} rowKey={(connector) => connector.name} rowHeader="connector" />;
}

/**
 * Pending exports: before a staging server becomes active, what it would export first, per connector, from
 * Get-ADSyncConnectorStatistics where the build has it (else the csexport commands), against the export
 * deletion threshold. Non-zero counts must be confirmed as reviewed.
 */
export function PendingExportsPage(): JSX.Element {
  const api = useDesktopApi();
  const { ctx, update, strings } = useWizard();
  const [error, setError] = useState<AppErrorData | null>(null);
  const [generation, setGeneration] = useState(0);
  const [comparing, setComparing] = useState(false);
  const pending = ctx.staging?.pendingExports ?? null;

  useEffect(() => {
    if (pending !== null) return;
    let current = true;
    void api['changes:get-pending-exports']({}).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      update((context) => (context.staging ? { ...context, staging: { ...context.staging, pendingExports: result.value } } : context));
    });
    return () => {
      current = false;
    };
  }, [api, pending, update, generation]);

  if (comparing) return <ComparePanel onBack={() => setComparing(false)} />;
  if (error) {
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline actions={<DefaultButton text="Try again" onClick={() => setGeneration((value) => value + 1)} />}>
        The pending exports could not be read: {error.message}
      </MessageBar>
    );
  }
  if (!pending) return <Spinner label="Reading the pending exports of each connector…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />;

  const { enabled, threshold } = pending.deletionThreshold;
  const overThreshold = deletesOverThreshold(pending);
  const mustReview = pendingExportsNeedReview(pending);
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text>
        When staging mode is disabled, this server exports these changes first. Check that they are expected, and that the other server
        was switched to staging mode, before you go on. The counts are as of the last synchronization: for current ones, run a full import
        and a delta synchronization on every connector first.
      </Text>
      {pending.source === 'connector-statistics' ? (
        <CountsTable pending={pending} />
      ) : (
        <Stack tokens={{ childrenGap: 8 }}>
          <MessageBar messageBarType={MessageBarType.info} isMultiline>
            This version of the sync server cannot count pending exports in PowerShell (it has no Get-ADSyncConnectorStatistics). List
            them with csexport on this server, then open the CSV files:
          </MessageBar>
          <pre aria-label="csexport commands" style={{ margin: 0, padding: 8, background: '#f3f2f1', whiteSpace: 'pre-wrap', fontSize: 12 }}>
            {pending.csexportCommands.join('\n')}
          </pre>
          <CountsTable pending={pending} />
        </Stack>
      )}
      <Text>
        Export deletion threshold (prevent accidental deletes): {enabled ? `${threshold ?? '?'} objects` : 'off'}.
      </Text>
      {overThreshold !== null && (
        <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline>
          The first export to {strings.cloudDirectory} would delete {overThreshold} objects, more than the threshold of {threshold}. The
          sync server will stop that export (stopped-deletion-threshold-exceeded) until the deletes are confirmed or the filtering fixed.
        </MessageBar>
      )}
      <Text>
        Compare this server&apos;s configuration with an export of the active server:{' '}
        <Link onClick={() => setComparing(true)}>Compare configurations</Link>
      </Text>
      <Checkbox
        label="I have reviewed the pending exports"
        checked={ctx.staging?.reviewed ?? false}
        onChange={(_event, checked) => update((context) => (context.staging ? { ...context, staging: { ...context.staging, reviewed: Boolean(checked) } } : context))}
      />
      {mustReview && !(ctx.staging?.reviewed ?? false) && <Text variant="small">Tick it to go on: {pending.source === 'connector-statistics' ? 'some counts are not zero' : 'the counts are not known'}.</Text>}
    </Stack>
  );
}
