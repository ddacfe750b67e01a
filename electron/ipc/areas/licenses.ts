import type { licensesChannels } from '../../../shared/contract/licenses';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

export function createLicensesHandlers(_services: Services): AreaHandlers<typeof licensesChannels> {
  return {};
}
