import type { changesChannels } from '../../../shared/contract/changes';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

export function createChangesHandlers(_services: Services): AreaHandlers<typeof changesChannels> {
  return {};
}
