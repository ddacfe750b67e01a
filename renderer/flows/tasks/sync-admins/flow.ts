import { taskDescriptions } from '../../app/tasks';
import type { TaskFlow } from '../../task-flow';

export const syncAdminsPageId = 'sync-admins:members';

/** One page: the ADSync groups and their members; its forward button leaves the wizard. */
export const syncAdminsFlow: TaskFlow = {
  task: 'sync-admins',
  pages: () => [
    {
      id: syncAdminsPageId,
      navLabel: taskDescriptions['sync-admins'].label,
      title: taskDescriptions['sync-admins'].label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
};
