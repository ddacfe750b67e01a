import type { configurationChannels } from '../../../shared/contract/configuration';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

export function createConfigurationHandlers(_services: Services): AreaHandlers<typeof configurationChannels> {
  return {};
}
