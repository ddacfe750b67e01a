import type { syncStatusChannels } from '../../../shared/contract/sync-status';
import type { SyncStatusService } from '../../services/sync-status/sync-status-service';
import type { AreaHandlers } from '../register';

export function createSyncStatusHandlers(syncStatus: SyncStatusService): AreaHandlers<typeof syncStatusChannels> {
  return {
    'sync-status:get': (request) => syncStatus.getStatus(request),
    'sync-status:start-cycle': ({ policyType }) => syncStatus.startCycle(policyType),
  };
}
