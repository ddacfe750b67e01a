import { taskDescriptions } from '../../../../shared/tasks';
import type { TaskFlow } from '../../task-flow';
import { SyncStatusPage } from './SyncStatusPage';

const pageId = 'syncStatus:status';

/** One page: the status, with buttons to start a cycle; its forward button leaves the wizard. */
export const syncStatusFlow: TaskFlow = {
  task: 'syncStatus',
  pages: () => [
    {
      id: pageId,
      navLabel: taskDescriptions.syncStatus.label,
      title: taskDescriptions.syncStatus.label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
  components: { [pageId]: SyncStatusPage },
};
