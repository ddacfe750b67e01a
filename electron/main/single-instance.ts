/** The parts of Electron's `app` the single-instance rule needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * A second wizard on the same server would race the first one's changes; the second start
 * quits and brings the first window forward instead. Returns whether this instance may run.
 */
export function enforceSingleInstance(app: SingleInstanceApp, focusExistingWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExistingWindow);
  return true;
}
