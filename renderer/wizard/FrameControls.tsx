import { useEffect, useState, type ReactNode } from 'react';

/*
 * The few controls the frame and Welcome need, as plain elements styled like Fluent's (frame.css): they show
 * before Fluent UI has loaded. Components made by lazyWithFluent use Fluent's own.
 */

interface FrameButtonProps {
  readonly text: string;
  readonly primary?: boolean;
  readonly disabled?: boolean;
  readonly onClick: () => void;
  /** Called when the button is pointed at or focused, before any click. */
  readonly onIntent?: (() => void) | undefined;
}

/** Fluent's PrimaryButton (primary) or DefaultButton. */
export function FrameButton({ text, primary = false, disabled = false, onClick, onIntent }: FrameButtonProps): JSX.Element {
  return (
    <button
      type="button"
      className={primary ? 'frame-button frame-button-primary' : 'frame-button'}
      disabled={disabled}
      onClick={onClick}
      onPointerEnter={onIntent}
      onFocus={onIntent}
    >
      {text}
    </button>
  );
}

/**
 * A live region whose content arrives after it is in the page: screen readers announce a change to a live
 * region, not one that appears with its text already inside (Fluent delays its own the same way).
 */
function LiveRegion({ role, className, children }: { role: 'status' | 'alert'; className?: string; children: ReactNode }): JSX.Element {
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setFilled(true), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div role={role} className={className}>
      {filled ? children : null}
    </div>
  );
}

/**
 * Fluent's Spinner with its label beside it; `fullPage` centres a large one in the window. The label shows at
 * once and is announced through a hidden copy, as Fluent's is.
 */
export function FrameSpinner({ label, fullPage = false }: { label: string; fullPage?: boolean }): JSX.Element {
  return (
    <div className={fullPage ? 'frame-spinner frame-spinner-large' : 'frame-spinner'}>
      <div className="frame-spinner-circle" />
      <div aria-hidden="true">{label}</div>
      <LiveRegion role="status" className="frame-screen-reader-only">
        {label}
      </LiveRegion>
    </div>
  );
}

/** Fluent's MessageBar: an error is announced at once (role alert), a warning politely (role status). */
export function FrameMessage({ kind, children }: { kind: 'warning' | 'error'; children: ReactNode }): JSX.Element {
  return (
    <div className={kind === 'error' ? 'frame-message frame-message-error' : 'frame-message'}>
      <LiveRegion role={kind === 'error' ? 'alert' : 'status'}>{children}</LiveRegion>
    </div>
  );
}
