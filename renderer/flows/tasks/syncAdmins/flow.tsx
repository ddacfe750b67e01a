import { taskDescriptions } from '../../../../shared/tasks';
import type { TaskFlow } from '../../task-flow';
import { SyncAdminsPage } from './SyncAdminsPage';

const pageId = 'syncAdmins:members';

/** One page: the ADSync groups and their members; its forward button leaves the wizard. */
export const syncAdminsFlow: TaskFlow = {
  task: 'syncAdmins',
  pages: () => [
    {
      id: pageId,
      navLabel: taskDescriptions.syncAdmins.label,
      title: taskDescriptions.syncAdmins.label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
  components: { [pageId]: SyncAdminsPage },
};
