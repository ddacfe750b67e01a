import { ConnectToAzureAdPage } from '../../auth/ConnectToAzureAdPage';
import type { TaskPagesModule } from '../../task-flow';
import { AssignLicensesPage } from './AssignLicensesPage';
import { assignPageId, connectPageId } from './flow';

export const pages: TaskPagesModule['pages'] = { [connectPageId]: ConnectToAzureAdPage, [assignPageId]: AssignLicensesPage };
