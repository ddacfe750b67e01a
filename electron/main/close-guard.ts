/*
 * Closing the window while a change plan runs: ask first, and when the administrator confirms, let the
 * plan's finally (scheduled cycles put back, lock released) run before the window closes and the app quits.
 */

export type CloseDecision = 'allow' | 'ask' | 'keep-waiting';

/** What a close request does now. */
export function decideOnClose(state: { readonly planRunning: boolean; readonly waitingForPlan: boolean }): CloseDecision {
  if (state.waitingForPlan) return 'keep-waiting';
  return state.planRunning ? 'ask' : 'allow';
}

/** The question, in the words of the native dialog main shows. */
export const closeQuestion = {
  message: 'Changes are being made to the sync server.',
  detail:
    'The wizard finishes the change in progress and puts scheduled synchronization cycles back as they were, then closes. Closing it any other way (ending the process) leaves them turned off until the wizard starts again.',
  buttons: ['Close when finished', 'Keep the window open'],
  /** Index of the button that confirms closing. */
  confirm: 0,
} as const;

/** The parts of a BrowserWindow the guard needs. */
export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

export interface RunningPlans {
  isApplying(): boolean;
  whenIdle(): Promise<void>;
}

/** The thin Electron adapter: `ask` shows the dialog and answers whether the administrator confirmed. */
export function guardWindowClose(window: GuardedWindow, plans: RunningPlans, ask: () => Promise<boolean>, log?: (message: string) => void): void {
  let waitingForPlan = false;
  window.on('close', (event) => {
    const decision = decideOnClose({ planRunning: plans.isApplying(), waitingForPlan });
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'keep-waiting') return;
    void ask().then(async (confirmed) => {
      if (!confirmed) return;
      waitingForPlan = true;
      log?.('[main] closing after the running change plan restores the scheduler');
      await plans.whenIdle();
      waitingForPlan = false;
      if (!window.isDestroyed()) window.close();
    });
  });
}
