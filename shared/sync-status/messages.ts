import type { AppErrorData } from '../core/errors';

/** The message shown when a sync cycle could not be started. */
export function startCycleMessage(error: AppErrorData): string {
  if (error.code === 'SYNC_ALREADY_RUNNING') {
    return 'Sync is already running. A synchronization cycle was started elsewhere (by the scheduler or another administrator); this page shows its progress. Start another one when it has finished.';
  }
  return `The synchronization cycle could not be started: ${error.message}`;
}
