import type { Comparison } from '../../../../shared/configuration/comparison';
import type { DiffObjectType, DiffValue, FieldChange, SummaryChange } from '../../../../shared/configuration/diff-model';
import { tableStyles as styles } from './styles';

const groupTitles: Readonly<Record<DiffObjectType, string>> = {
  connector: 'Connectors',
  partition: 'Partitions and OU filters',
  syncRule: 'Synchronization rules',
  globalSetting: 'Global settings',
  feature: 'Optional features',
  scheduler: 'Scheduler',
};
const groupOrder: readonly DiffObjectType[] = ['connector', 'partition', 'syncRule', 'globalSetting', 'feature', 'scheduler'];

/** A group shows this many changes; the saved comparison has them all. */
const shownPerGroup = 100;

const kindStyles: Readonly<Record<SummaryChange['kind'], { background: string; color: string }>> = {
  added: { background: '#dff6dd', color: '#0b5a08' },
  removed: { background: '#fde7e9', color: '#a4262c' },
  modified: { background: '#fff4ce', color: '#5c4400' },
};

function DiffValueView({ value }: { value: DiffValue }): JSX.Element {
  if (value === null) return <span className={styles.missing}>(none)</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className={styles.missing}>(empty)</span>;
    return (
      <ul className={styles.list}>
        {value.map((item, index) => (
          <li key={`${index}:${item}`} className={styles.mono}>
            {item}
          </li>
        ))}
      </ul>
    );
  }
  return <span className={styles.mono}>{String(value)}</span>;
}

function SetChanges({ field }: { field: FieldChange }): JSX.Element | null {
  const added = field.added ?? [];
  const removed = field.removed ?? [];
  if (added.length === 0 && removed.length === 0) return null;
  return (
    <span className={styles.note}>
      {added.length > 0 && `Added: ${added.join('; ')}. `}
      {removed.length > 0 && `Removed: ${removed.join('; ')}.`}
    </span>
  );
}

function ChangeBlock({ change, comparison }: { change: SummaryChange; comparison: Comparison }): JSX.Element {
  const badge = kindStyles[change.kind];
  return (
    <div data-testid="change" data-kind={change.kind} data-object-type={change.objectType} style={{ marginBottom: 12 }}>
      <h4 className={styles.subHeading} style={{ margin: '8px 0 4px', fontSize: 14 }}>
        <span style={{ ...badge, padding: '1px 6px', borderRadius: 2, marginRight: 8, fontWeight: 600 }}>{change.kind}</span>
        {change.name}
      </h4>
      <span className={styles.note}>{change.id}</span>
      {change.fields.length === 0 ? (
        <span className={styles.note}>Only in {change.kind === 'added' ? comparison.afterLabel : comparison.beforeLabel}.</span>
      ) : (
        <table className={styles.table} aria-label={`Changed fields of ${change.name}`}>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before: {comparison.beforeLabel}</th>
              <th scope="col">After: {comparison.afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {change.fields.map((field) => (
              <tr key={field.path}>
                <th scope="row" className={styles.mono}>
                  {field.path}
                </th>
                <td>
                  <DiffValueView value={field.before} />
                </td>
                <td>
                  <DiffValueView value={field.after} />
                  <SetChanges field={field} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function countsText({ added, removed, modified }: Comparison['diff']['counts']): string {
  return `${added} added, ${removed} removed, ${modified} modified`;
}

/** What was added, removed and modified, grouped by object type, changed fields side by side. */
export function CompareResults({ comparison }: { comparison: Comparison }): JSX.Element {
  const { changes } = comparison.diff;
  if (changes.length === 0) return <p>The two configurations are the same.</p>;
  return (
    <div>
      {groupOrder.map((type) => {
        const group = changes.filter((change) => change.objectType === type);
        if (group.length === 0) return null;
        const headingId = `compare-group-${type}`;
        return (
          <section key={type} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.sectionHeading} style={{ fontSize: 16 }}>
              {groupTitles[type]} ({group.length})
            </h3>
            {group.slice(0, shownPerGroup).map((change) => (
              <ChangeBlock key={`${change.kind}:${change.id}`} change={change} comparison={comparison} />
            ))}
            {group.length > shownPerGroup && (
              <p className={styles.note}>
                And {group.length - shownPerGroup} more. Save the comparison as HTML or JSON to see every change.
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
