import type { syncChannels } from '../../../shared/contract/sync';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

export function createSyncHandlers(_services: Services): AreaHandlers<typeof syncChannels> {
  return {};
}
