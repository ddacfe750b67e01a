import type { Services } from '../main/services';
import { createAppHandlers } from './areas/app';
import { createAuthHandlers } from './areas/auth';
import { createChangesHandlers } from './areas/changes';
import { createConfigurationHandlers } from './areas/configuration';
import { createLicensesHandlers } from './areas/licenses';
import { createNativeTasksHandlers } from './areas/native-tasks';
import { createNativeWizardHandlers } from './areas/native-wizard';
import { createSyncAdminsHandlers } from './areas/sync-admins';
import { createSyncStatusHandlers } from './areas/sync-status';
import { createTroubleshootHandlers } from './areas/troubleshoot';
import type { RequestHandlers } from './register';

/** The handlers of every area, each over its feature's service; the type makes a channel without a handler a compile error. */
export function createRequestHandlers(services: Services): RequestHandlers {
  return {
    ...createAppHandlers(services.app),
    ...createAuthHandlers(services.auth),
    ...createChangesHandlers(services.changes),
    ...createConfigurationHandlers(services.configuration),
    ...createLicensesHandlers(services.licenses),
    ...createNativeTasksHandlers(services.nativeTasks),
    ...createNativeWizardHandlers(services.nativeWizard),
    ...createSyncAdminsHandlers(services.syncAdmins),
    ...createSyncStatusHandlers(services.syncStatus),
    ...createTroubleshootHandlers(services.troubleshoot),
  };
}
