import { taskIds, type TaskId } from './app/tasks';
import type { TaskFlow } from './task-flow';
import { licensesFlow } from './tasks/licenses/flow';
import { syncAdminsFlow } from './tasks/sync-admins/flow';
import { syncStatusFlow } from './tasks/sync-status/flow';
import { customizeSyncFlow } from './tasks/changes/customize-sync';
import { stagingModeFlow } from './tasks/changes/staging-mode';
import { configurationFlow } from './tasks/configuration/flow';
import { deviceOptionsFlow, federationFlow, privacyFlow, refreshSchemaFlow, userSignInFlow } from './tasks/native-tasks/flow';
import { troubleshootFlow } from './tasks/troubleshoot/flow';

/** The flow of each task of the Additional tasks page. */
export const taskFlows: Readonly<Record<TaskId, TaskFlow>> = {
  privacy: privacyFlow,
  configuration: configurationFlow,
  'customize-sync': customizeSyncFlow,
  'device-options': deviceOptionsFlow,
  'refresh-schema': refreshSchemaFlow,
  'staging-mode': stagingModeFlow,
  'user-sign-in': userSignInFlow,
  federation: federationFlow,
  troubleshoot: troubleshootFlow,
  'sync-status': syncStatusFlow,
  'sync-admins': syncAdminsFlow,
  licenses: licensesFlow,
};

export const orderedTaskFlows: readonly TaskFlow[] = taskIds.map((task) => taskFlows[task]);
