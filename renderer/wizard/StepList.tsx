import { mergeStyleSets, Text } from '@fluentui/react';
import type { StepListItem } from './flow';

const styles = mergeStyleSets({
  nav: { width: 200, flexShrink: 0, padding: '24px 0 24px 24px', borderRight: '1px solid #edebe9', overflowY: 'auto' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { padding: '6px 8px', lineHeight: 20 },
  indented: { paddingLeft: 24 },
  current: { fontWeight: 600, color: '#0078d4', borderLeft: '3px solid #0078d4', paddingLeft: 5 },
  currentIndented: { paddingLeft: 21 },
  upcoming: { color: '#605e5c', fontStyle: 'normal', opacity: 1 },
  done: { color: '#201f1e' },
});

/** The native wizard's left column: every step, the current one highlighted, later ones greyed. */
export function StepList({ items }: { items: readonly StepListItem[] }): JSX.Element {
  return (
    <nav className={styles.nav} aria-label="Wizard steps">
      <ol className={styles.list}>
        {items.map((item) => {
          const isCurrentPage = item.kind === 'page' && item.status === 'current';
          const indented = item.kind === 'page' && item.indented;
          const classes = [
            styles.item,
            indented ? styles.indented : '',
            isCurrentPage ? styles.current : '',
            isCurrentPage && indented ? styles.currentIndented : '',
            item.status === 'upcoming' ? styles.upcoming : styles.done,
          ].join(' ');
          return (
            <li
              key={item.kind === 'page' ? item.id : `group:${item.label}`}
              className={classes}
              aria-current={isCurrentPage ? 'step' : undefined}
              data-status={item.status}
            >
              <Text variant="medium" styles={{ root: { color: 'inherit', fontWeight: 'inherit' } }}>
                {item.label}
              </Text>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
