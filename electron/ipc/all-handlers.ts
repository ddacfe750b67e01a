import type { Services } from '../main/services';
import { createAppHandlers } from './areas/app';
import { createAuthHandlers } from './areas/auth';
import { createChangesHandlers } from './areas/changes';
import { createConfigurationHandlers } from './areas/configuration';
import { createGroupsHandlers } from './areas/groups';
import { createLicensesHandlers } from './areas/licenses';
import { createSyncHandlers } from './areas/sync';
import type { RequestHandlers } from './handlers';

/** The handlers of every area; the type makes a channel without a handler a compile error. */
export function createRequestHandlers(services: Services): RequestHandlers {
  return {
    ...createAppHandlers(services),
    ...createAuthHandlers(services),
    ...createChangesHandlers(services),
    ...createConfigurationHandlers(services),
    ...createGroupsHandlers(services),
    ...createLicensesHandlers(services),
    ...createSyncHandlers(services),
  };
}
