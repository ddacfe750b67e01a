import { taskDescriptions } from '../../app/tasks';
import { connectToAzureAdPage } from '../../auth/connect-page-spec';
import type { TaskFlow } from '../../task-flow';

const prefix = 'licenses';
export const assignPageId = `${prefix}:assign`;
export const connectPageId = `${prefix}:connect`;

/** Connect to Azure AD, then the license page, whose forward button leaves the wizard. */
export const licensesFlow: TaskFlow = {
  task: 'licenses',
  pages: (strings) => [
    connectToAzureAdPage(prefix, strings),
    {
      id: assignPageId,
      navLabel: taskDescriptions.licenses.label,
      title: taskDescriptions.licenses.label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
};
