import { describe, expect, it } from 'vitest';
import { toSummaryScheduler } from '../../../shared/configuration/summary-scheduler';
import { defaultComparisonFileName, describeInterval, formatUtc, secondsToTimeSpanText } from '../../../shared/configuration/time';
import { labServerState } from './lab-state';

describe('scheduler intervals', () => {
  it('prints seconds as .NET prints a TimeSpan', () => {
    expect(secondsToTimeSpanText(1800)).toBe('00:30:00');
    expect(secondsToTimeSpanText(604_800)).toBe('7.00:00:00');
    expect(secondsToTimeSpanText(90_061)).toBe('1.01:01:01');
    expect(secondsToTimeSpanText(1.5)).toBe('00:00:01.5000000');
  });

  it('describes an interval in words, largest unit first', () => {
    expect(describeInterval(1800)).toBe('30 minutes');
    expect(describeInterval(3600)).toBe('1 hour');
    expect(describeInterval(5400)).toBe('1 hour 30 minutes');
    expect(describeInterval(604_800)).toBe('7 days');
  });

  it('formats a UTC instant without milliseconds and says it is UTC', () => {
    expect(formatUtc('2026-11-26T01:11:43.354Z')).toBe('2026-11-26 01:11:43 UTC');
  });

  it('names a saved comparison with a local timestamp', () => {
    expect(defaultComparisonFileName(new Date(2024, 0, 2, 3, 4, 5), 'html')).toBe('Compared-SynchronizationPolicy-20240102-030405.html');
  });
});

describe('the live scheduler in the summary form', () => {
  it('matches what the command line writes for the same scheduler (TimeSpan text, no milliseconds)', () => {
    const scheduler = labServerState().scheduler;
    if (!scheduler) throw new Error('The lab state has a scheduler.');
    const summary = toSummaryScheduler(scheduler);
    expect(summary).toEqual({
      allowedSyncCycleInterval: '00:30:00',
      currentlyEffectiveSyncCycleInterval: '00:30:00',
      customizedSyncCycleInterval: null,
      nextSyncCyclePolicyType: 'Delta',
      nextSyncCycleStartTimeInUTC: '2026-11-26T01:11:43Z',
      purgeRunHistoryInterval: '7.00:00:00',
      syncCycleEnabled: true,
      maintenanceEnabled: true,
      stagingModeEnabled: false,
      schedulerSuspended: false,
      syncCycleInProgress: false,
    });
  });
});
