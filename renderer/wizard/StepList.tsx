import type { StepListItem } from './flow';

/** The native wizard's left column: every step, the current one highlighted, later ones greyed. */
export function StepList({ items }: { items: readonly StepListItem[] }): JSX.Element {
  return (
    <nav className="wizard-steps" aria-label="Wizard steps">
      <ol>
        {items.map((item) => {
          const isCurrentPage = item.kind === 'page' && item.status === 'current';
          const indented = item.kind === 'page' && item.indented;
          return (
            <li
              key={item.kind === 'page' ? item.id : `group:${item.label}`}
              className={indented ? 'wizard-step wizard-step-indented' : 'wizard-step'}
              aria-current={isCurrentPage ? 'step' : undefined}
              data-status={item.status}
            >
              {item.label}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
