import { taskIds, type TaskId } from '../../shared/tasks';
import type { TaskFlow } from './task-flow';
import { assignLicensesFlow } from './tasks/assignLicenses/flow';
import { syncAdminsFlow } from './tasks/syncAdmins/flow';
import { syncStatusFlow } from './tasks/syncStatus/flow';
import { customizeSyncFlow } from './tasks/customizeSync';
import { stagingModeFlow } from './tasks/stagingMode';
import { viewConfigurationFlow } from './tasks/viewConfiguration/flow';

/** The flow of each task of the Additional tasks page. */
export const taskFlows: Readonly<Record<TaskId, TaskFlow>> = {
  viewConfiguration: viewConfigurationFlow,
  customizeSync: customizeSyncFlow,
  stagingMode: stagingModeFlow,
  syncStatus: syncStatusFlow,
  syncAdmins: syncAdminsFlow,
  assignLicenses: assignLicensesFlow,
};

export const orderedTaskFlows: readonly TaskFlow[] = taskIds.map((task) => taskFlows[task]);
