import type { ReactNode } from 'react';
import type { ForwardLabel } from './flow';
import { FrameButton } from './FrameControls';

interface ButtonBarProps {
  readonly forward: ForwardLabel;
  readonly canProceed: boolean;
  readonly showPrevious: boolean;
  readonly onPrevious: () => void;
  readonly onForward: () => void;
  /** Called when the forward button is pointed at or focused: the next page can start loading. */
  readonly onForwardIntent?: (() => void) | undefined;
  /** A note at the bottom left, e.g. that the server is in staging mode. */
  readonly status?: ReactNode;
}

/** The bottom-right buttons: Previous, and Next that becomes Configure or Exit as the flow says. */
export function ButtonBar(props: ButtonBarProps): JSX.Element {
  return (
    <footer className="wizard-buttons">
      <div className="wizard-buttons-status">{props.status}</div>
      {props.showPrevious && <FrameButton text="Previous" onClick={props.onPrevious} />}
      <FrameButton primary text={props.forward} disabled={!props.canProceed} onClick={props.onForward} onIntent={props.onForwardIntent} />
    </footer>
  );
}
