import type { Scheduler, SchedulerChange } from '../../../shared/sync-server';
import { readRunningMarker, removeRunningMarker, type RunningMarker } from './running-marker';

/**
 * Call under the plan lock: if a plan stopped with scheduled cycles off (a crash, a kill, a failed restore),
 * put SyncCycleEnabled back as it found it and remove the marker. Throws, keeping the marker, when the
 * server refuses; answers the marker it restored, or null when none was there.
 */
export async function restoreInterruptedPlan(
  dataFolder: string,
  client: { setScheduler(change: SchedulerChange): Promise<Scheduler> },
): Promise<RunningMarker | null> {
  const marker = await readRunningMarker(dataFolder);
  if (!marker) return null;
  const scheduler = await client.setScheduler({ syncCycleEnabled: marker.syncCycleWasEnabled });
  if (scheduler.syncCycleEnabled !== marker.syncCycleWasEnabled) throw new Error('The sync server did not keep SyncCycleEnabled.');
  await removeRunningMarker(dataFolder);
  return marker;
}
