import type { authChannels } from '../../../shared/contract/auth';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

export function createAuthHandlers(_services: Services): AreaHandlers<typeof authChannels> {
  return {};
}
