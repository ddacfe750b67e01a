import type { ReactNode } from 'react';
import type { ConfigurationView, ViewDirectory, ViewLastRun, ViewRow } from '../../../../shared/configuration/view';
import { formatUtc } from '../../../../shared/configuration/time';
import type { Scheduler } from '../../../../shared/sync-server/scheduler';
import { formatInterval } from '../../../../shared/sync-status/format';
import { formatLocal, yesNo } from './format';
import { tableStyles as styles } from './styles';

function Value({ value, note }: { value: string | null; note?: string | undefined }): JSX.Element {
  return (
    <>
      {value === null ? <span className={styles.missing}>Not available</span> : <span>{value}</span>}
      {note !== undefined && <span className={styles.note}>{note}</span>}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }): JSX.Element {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

type Line = { key: string; label: string; content: ReactNode };

function LabelledTable({ labelledBy, lines }: { labelledBy: string; lines: readonly Line[] }): JSX.Element {
  return (
    <table className={styles.table} aria-labelledby={labelledBy}>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key} data-key={line.key}>
            <th scope="row">{line.label}</th>
            <td>{line.content}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const rowLines = (rows: readonly ViewRow[]): Line[] =>
  rows.map((row) => ({ key: row.key, label: row.label, content: <Value value={row.value} note={row.note} /> }));

function ContainerList({ label, items }: { label: string; items: readonly string[] }): JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <div>
      {label}:
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item} className={styles.mono}>
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DirectoryRow({ directory, accountPending }: { directory: ViewDirectory; accountPending: boolean }): JSX.Element {
  const selected = directory.partitions.filter((partition) => partition.selected);
  const leftOut = directory.partitions.filter((partition) => !partition.selected);
  return (
    <tr data-key={directory.name}>
      <th scope="row">
        {directory.forest}
        {directory.name !== directory.forest && <span className={styles.note}>Connector: {directory.name}</span>}
      </th>
      <td>
        <Value
          value={directory.account}
          note={
            directory.account !== null
              ? undefined
              : accountPending
                ? "Being read from the server's configuration export."
                : 'The connector account could not be read.'
          }
        />
      </td>
      <td>
        {selected.length === 0 && <span className={styles.missing}>No domain selected</span>}
        {selected.map((partition) => (
          <div key={partition.dn} style={{ marginBottom: 6 }}>
            <strong>{partition.name}</strong>
            {partition.containerExclusions.length === 0 && <span className={styles.note}>All OUs</span>}
            {partition.containerExclusions.length > 0 && (
              <>
                <ContainerList label="Included" items={partition.containerInclusions} />
                <ContainerList label="Excluded" items={partition.containerExclusions} />
              </>
            )}
          </div>
        ))}
        {leftOut.length > 0 && <span className={styles.note}>Not synchronized: {leftOut.map((partition) => partition.name).join(', ')}</span>}
      </td>
    </tr>
  );
}

function schedulerLines(scheduler: Scheduler, run: ViewLastRun | null): Line[] {
  const seconds = scheduler.currentlyEffectiveSyncCycleIntervalSeconds ?? scheduler.allowedSyncCycleIntervalSeconds;
  const interval = seconds === null ? null : `${formatInterval(seconds)}${scheduler.customizedSyncCycleIntervalSeconds !== null ? ' (custom)' : ''}`;
  const runDetail = run === null ? undefined : [run.connectorName, run.runProfileName, run.endUtc ? `ended ${formatUtc(run.endUtc)}` : null].filter(Boolean).join(' · ');
  return [
    { key: 'interval', label: 'Sync interval', content: <Value value={interval} /> },
    {
      key: 'nextCycleUtc',
      label: 'Next sync cycle (UTC)',
      content: (
        <Value
          value={scheduler.nextSyncCycleStartTimeInUtc === null ? null : formatUtc(scheduler.nextSyncCycleStartTimeInUtc)}
          note={scheduler.nextSyncCyclePolicyType ? `${scheduler.nextSyncCyclePolicyType} synchronization` : undefined}
        />
      ),
    },
    {
      key: 'nextCycleLocal',
      label: 'Next sync cycle (local time)',
      content: <Value value={scheduler.nextSyncCycleStartTimeInUtc === null ? null : formatLocal(scheduler.nextSyncCycleStartTimeInUtc)} />,
    },
    {
      key: 'schedulerState',
      label: 'Scheduler',
      content: <Value value={!scheduler.syncCycleEnabled ? 'Disabled' : scheduler.schedulerSuspended ? 'Suspended' : 'Enabled'} />,
    },
    { key: 'inProgress', label: 'Sync cycle in progress', content: <Value value={yesNo(scheduler.syncCycleInProgress)} /> },
    {
      key: 'lastRun',
      label: 'Last run result',
      content: <Value value={run === null ? null : (run.result ?? 'unknown')} note={run === null ? 'The run history is empty.' : runDetail} />,
    },
  ];
}

/** The native page's sections, with live values; "Not available" where the server does not tell. */
export function ConfigurationSections({ view }: { view: ConfigurationView }): JSX.Element {
  const featureLines: Line[] = view.features.map((feature) => ({
    key: feature.key,
    label: feature.label,
    content: <Value value={feature.enabled === null ? null : feature.enabled ? 'Enabled' : 'Disabled'} />,
  }));
  return (
    <>
      <Section id="vc-general" title="General settings">
        <LabelledTable labelledBy="vc-general" lines={rowLines(view.general)} />
      </Section>

      <Section id="vc-directories" title="Synchronized directories">
        {view.directories.length === 0 ? (
          <Value value={null} note="No Active Directory connector was found on this server." />
        ) : (
          <table className={styles.table} aria-labelledby="vc-directories">
            <thead>
              <tr>
                <th scope="col">Directory</th>
                <th scope="col">Connector account</th>
                <th scope="col">Domains and OUs synchronized</th>
              </tr>
            </thead>
            <tbody>
              {view.directories.map((directory) => (
                <DirectoryRow key={directory.name} directory={directory} accountPending={view.exportPending} />
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="vc-sync-settings" title="Sync settings">
        <LabelledTable labelledBy="vc-sync-settings" lines={[...rowLines(view.syncSettings), ...featureLines]} />
      </Section>

      <Section id="vc-scheduler" title="Scheduler">
        {view.scheduler === null ? (
          <Value value={null} note="The scheduler could not be read from the sync server." />
        ) : (
          <LabelledTable labelledBy="vc-scheduler" lines={schedulerLines(view.scheduler, view.lastRun)} />
        )}
      </Section>
    </>
  );
}
