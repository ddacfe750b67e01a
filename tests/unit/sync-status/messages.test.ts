import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../shared/core/errors';
import { startCycleMessage } from '../../../shared/sync-status/messages';

const error = (code: AppErrorData['code'], message = 'PowerShell said no.'): AppErrorData => ({ code, message });

describe('startCycleMessage', () => {
  it('says plainly that sync is already running', () => {
    expect(startCycleMessage(error('SYNC_ALREADY_RUNNING'))).toMatch(/^Sync is already running\. /);
  });

  it('passes other reasons on', () => {
    expect(startCycleMessage(error('MODULE_NOT_FOUND', 'The ADSync module is not installed.'))).toBe(
      'The synchronization cycle could not be started: The ADSync module is not installed.',
    );
  });
});
