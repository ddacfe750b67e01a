import type { Scheduler as ServerScheduler } from '../sync-server';
import type { Scheduler as SummaryScheduler } from './summary';
import { secondsToTimeSpanText } from './time';

/**
 * The bridge's Get-ADSyncScheduler (seconds, ISO dates) in the configuration summary's form (TimeSpan
 * text, ISO dates without milliseconds), the same form the command line's lab source writes, so a
 * summary read by the app and one read by the command line compare equal.
 */
export function toSummaryScheduler(scheduler: ServerScheduler): SummaryScheduler {
  const result: SummaryScheduler = {
    customizedSyncCycleInterval:
      scheduler.customizedSyncCycleIntervalSeconds === null ? null : secondsToTimeSpanText(scheduler.customizedSyncCycleIntervalSeconds),
    syncCycleEnabled: scheduler.syncCycleEnabled,
    maintenanceEnabled: scheduler.maintenanceEnabled,
    stagingModeEnabled: scheduler.stagingModeEnabled,
    schedulerSuspended: scheduler.schedulerSuspended,
    syncCycleInProgress: scheduler.syncCycleInProgress,
  };
  if (scheduler.allowedSyncCycleIntervalSeconds !== null) {
    result.allowedSyncCycleInterval = secondsToTimeSpanText(scheduler.allowedSyncCycleIntervalSeconds);
  }
  if (scheduler.currentlyEffectiveSyncCycleIntervalSeconds !== null) {
    result.currentlyEffectiveSyncCycleInterval = secondsToTimeSpanText(scheduler.currentlyEffectiveSyncCycleIntervalSeconds);
  }
  if (scheduler.nextSyncCyclePolicyType !== null) result.nextSyncCyclePolicyType = scheduler.nextSyncCyclePolicyType;
  if (scheduler.nextSyncCycleStartTimeInUtc !== null) {
    result.nextSyncCycleStartTimeInUTC = scheduler.nextSyncCycleStartTimeInUtc.replace(/\.\d+Z$/, 'Z');
  }
  if (scheduler.purgeRunHistoryIntervalSeconds !== null) {
    result.purgeRunHistoryInterval = secondsToTimeSpanText(scheduler.purgeRunHistoryIntervalSeconds);
  }
  return result;
}
