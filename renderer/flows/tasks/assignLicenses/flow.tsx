import { taskDescriptions } from '../../../../shared/tasks';
import { connectToAzureAdPage, ConnectToAzureAdPage } from '../../shared/connect-to-azure-ad';
import type { TaskFlow } from '../../task-flow';
import { AssignLicensesPage } from './AssignLicensesPage';

const prefix = 'assignLicenses';
const assignPageId = `${prefix}:assign`;
const connectPageId = `${prefix}:connect`;

/** Connect to Azure AD, then the license page, whose forward button leaves the wizard. */
export const assignLicensesFlow: TaskFlow = {
  task: 'assignLicenses',
  pages: (strings) => [
    connectToAzureAdPage(prefix, strings),
    {
      id: assignPageId,
      navLabel: taskDescriptions.assignLicenses.label,
      title: taskDescriptions.assignLicenses.label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
  components: { [connectPageId]: ConnectToAzureAdPage, [assignPageId]: AssignLicensesPage },
};
