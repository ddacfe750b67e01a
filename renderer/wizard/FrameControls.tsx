import type { ReactNode } from 'react';

/*
 * The few controls the frame and Welcome need, as plain elements styled like Fluent's (frame.css): they show
 * before Fluent UI has loaded. Pages under the Fluent scope use Fluent's own.
 */

interface FrameButtonProps {
  readonly text: string;
  readonly primary?: boolean;
  readonly disabled?: boolean;
  readonly onClick: () => void;
}

/** Fluent's PrimaryButton (primary) or DefaultButton. */
export function FrameButton({ text, primary = false, disabled = false, onClick }: FrameButtonProps): JSX.Element {
  return (
    <button type="button" className={primary ? 'frame-button frame-button-primary' : 'frame-button'} disabled={disabled} onClick={onClick}>
      {text}
    </button>
  );
}

/** Fluent's Spinner with its label beside it; `fullPage` centres a large one in the window. */
export function FrameSpinner({ label, fullPage = false }: { label: string; fullPage?: boolean }): JSX.Element {
  return (
    <div className={fullPage ? 'frame-spinner frame-spinner-large' : 'frame-spinner'}>
      <div className="frame-spinner-circle" />
      <div role="status" aria-live="polite">
        {label}
      </div>
    </div>
  );
}

/** Fluent's MessageBar: an error is announced at once (role alert), a warning politely (role status). */
export function FrameMessage({ kind, children }: { kind: 'warning' | 'error'; children: ReactNode }): JSX.Element {
  return (
    <div className={kind === 'error' ? 'frame-message frame-message-error' : 'frame-message'} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
