import type { groupsChannels } from '../../../shared/contract/groups';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

export function createGroupsHandlers(_services: Services): AreaHandlers<typeof groupsChannels> {
  return {};
}
