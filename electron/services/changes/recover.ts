import type { Logger } from '../../main/logger';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import { readRunningMarker, removeRunningMarker } from './running-marker';

export interface RecoveryServices {
  readonly target: { readonly dataFolder: string };
  readonly syncServer: Pick<AdSyncClient, 'setScheduler'>;
  readonly logger: Logger;
}

/**
 * Call once at start-up: if a change plan was interrupted (the app crashed or was killed while it ran),
 * resume the scheduler it suspended and remove the marker. Never throws; the marker stays if resuming fails.
 */
export async function recoverInterruptedPlan(services: RecoveryServices): Promise<{ recovered: boolean; planId?: string }> {
  const marker = await readRunningMarker(services.target.dataFolder);
  if (!marker) return { recovered: false };
  try {
    await services.syncServer.setScheduler({ schedulerSuspended: marker.schedulerWasSuspended });
    await removeRunningMarker(services.target.dataFolder);
    services.logger.warn(`[changes] plan ${marker.planId} was interrupted; the scheduler was resumed.`);
    return { recovered: true, planId: marker.planId };
  } catch (error) {
    services.logger.error(`[changes] plan ${marker.planId} was interrupted and the scheduler could not be resumed yet.`, error instanceof Error ? error.message : String(error));
    return { recovered: false, planId: marker.planId };
  }
}
