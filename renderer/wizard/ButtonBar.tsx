import { DefaultButton, mergeStyleSets, PrimaryButton, Stack } from '@fluentui/react';
import type { ReactNode } from 'react';
import type { ForwardLabel } from './flow';

const styles = mergeStyleSets({
  bar: { borderTop: '1px solid #edebe9', padding: '12px 24px', minHeight: 56, boxSizing: 'border-box' },
  status: { flexGrow: 1 },
});

interface ButtonBarProps {
  readonly forward: ForwardLabel;
  readonly canProceed: boolean;
  readonly showPrevious: boolean;
  readonly onPrevious: () => void;
  readonly onForward: () => void;
  /** A note at the bottom left, e.g. that the server is in staging mode. */
  readonly status?: ReactNode;
}

/** The bottom-right buttons: Previous, and Next that becomes Configure or Exit as the flow says. */
export function ButtonBar(props: ButtonBarProps): JSX.Element {
  return (
    <Stack as="footer" horizontal verticalAlign="center" tokens={{ childrenGap: 8 }} className={styles.bar}>
      <div className={styles.status}>{props.status}</div>
      {props.showPrevious && <DefaultButton text="Previous" onClick={props.onPrevious} />}
      <PrimaryButton text={props.forward} disabled={!props.canProceed} onClick={props.onForward} />
    </Stack>
  );
}
