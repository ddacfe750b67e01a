import type { syncAdminsChannels } from '../../../shared/contract/sync-admins';
import type { SyncAdminsService } from '../../services/sync-admins/sync-admins-service';
import type { AreaHandlers } from '../register';

export function createSyncAdminsHandlers(syncAdmins: SyncAdminsService): AreaHandlers<typeof syncAdminsChannels> {
  return {
    'sync-admins:list': () => syncAdmins.list(),
    'sync-admins:add-member': ({ group, accountName }) => syncAdmins.addMember(group, accountName),
    'sync-admins:remove-member': ({ group, accountName }) => syncAdmins.removeMember(group, accountName),
  };
}
