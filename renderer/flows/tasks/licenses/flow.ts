import { taskDescriptions } from '../../app/tasks';
import { connectToAzureAdPage, ConnectToAzureAdPage } from '../../auth/ConnectToAzureAdPage';
import type { TaskFlow } from '../../task-flow';
import { AssignLicensesPage } from './AssignLicensesPage';

const prefix = 'licenses';
const assignPageId = `${prefix}:assign`;
const connectPageId = `${prefix}:connect`;

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
  components: { [connectPageId]: ConnectToAzureAdPage, [assignPageId]: AssignLicensesPage },
};
