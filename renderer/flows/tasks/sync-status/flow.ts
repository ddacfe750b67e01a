import { taskDescriptions } from '../../app/tasks';
import type { TaskFlow } from '../../task-flow';

export const syncStatusPageId = 'sync-status:status';

/** One page: the status, with buttons to start a cycle; its forward button leaves the wizard. */
export const syncStatusFlow: TaskFlow = {
  task: 'sync-status',
  pages: () => [
    {
      id: syncStatusPageId,
      navLabel: taskDescriptions['sync-status'].label,
      title: taskDescriptions['sync-status'].label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
};
