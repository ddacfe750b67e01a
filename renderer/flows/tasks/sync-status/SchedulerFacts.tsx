import type { Scheduler } from '../../../../shared/sync-server/scheduler';
import { formatInterval } from '../../../../shared/sync-status/format';
import { FactList, type Fact } from '../../../components/fact-list';
import { formatLocalTime, formatUtcTime } from './time';

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

const policyLabels = { Delta: 'Delta', Initial: 'Full (Initial)', Unspecified: 'Delta (unspecified)' } as const;

function nextCycle(scheduler: Scheduler, nowMs: number): JSX.Element | string {
  if (!scheduler.syncCycleEnabled) return 'Not scheduled: the scheduler is disabled';
  if (scheduler.nextSyncCycleStartTimeInUtc === null) return 'Not known';
  const due = Date.parse(scheduler.nextSyncCycleStartTimeInUtc) <= nowMs;
  return (
    <>
      <time dateTime={scheduler.nextSyncCycleStartTimeInUtc}>{formatLocalTime(scheduler.nextSyncCycleStartTimeInUtc)}</time> (local),{' '}
      {formatUtcTime(scheduler.nextSyncCycleStartTimeInUtc)}
      {due && (scheduler.syncCycleInProgress ? ' — running now' : ' — due now')}
    </>
  );
}

/** What Get-ADSyncScheduler says, in words. */
export function SchedulerFacts({ scheduler, nowMs }: { scheduler: Scheduler; nowMs: number }): JSX.Element {
  const interval = (seconds: number | null): string => (seconds === null ? 'Not known' : formatInterval(seconds));
  const facts: Fact[] = [
    { term: 'Scheduled synchronization', value: scheduler.syncCycleEnabled ? 'Enabled' : 'Disabled' },
    { term: 'Effective interval', value: interval(scheduler.currentlyEffectiveSyncCycleIntervalSeconds) },
    {
      term: 'Customized interval',
      value: scheduler.customizedSyncCycleIntervalSeconds === null ? 'Not set (the default is used)' : formatInterval(scheduler.customizedSyncCycleIntervalSeconds),
    },
    { term: 'Shortest allowed interval', value: interval(scheduler.allowedSyncCycleIntervalSeconds) },
    { term: 'Next cycle', value: nextCycle(scheduler, nowMs) },
    { term: 'Next cycle type', value: scheduler.nextSyncCyclePolicyType === null ? 'Not known' : policyLabels[scheduler.nextSyncCyclePolicyType] },
    { term: 'Scheduler suspended', value: yesNo(scheduler.schedulerSuspended) },
    { term: 'Cycle in progress', value: yesNo(scheduler.syncCycleInProgress) },
    { term: 'Staging mode', value: scheduler.stagingModeEnabled ? 'Enabled' : 'Disabled' },
  ];
  return <FactList facts={facts} label="Scheduler" />;
}
