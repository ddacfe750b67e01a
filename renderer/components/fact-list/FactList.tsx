import { mergeStyleSets } from '@fluentui/react';
import type { ReactNode } from 'react';

const styles = mergeStyleSets({
  list: { display: 'grid', gridTemplateColumns: 'minmax(180px, max-content) 1fr', columnGap: 24, rowGap: 6, margin: 0 },
  term: { fontWeight: 600, color: '#323130' },
  value: { margin: 0, color: '#323130', overflowWrap: 'anywhere' },
});

export interface Fact {
  readonly term: string;
  readonly value: ReactNode;
}

/** Label and value pairs as a description list, so screen readers read each label with its value. */
export function FactList({ facts, label }: { facts: readonly Fact[]; label?: string }): JSX.Element {
  return (
    <dl className={styles.list} aria-label={label}>
      {facts.map((fact) => (
        <div key={fact.term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{fact.term}</dt>
          <dd className={styles.value}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
