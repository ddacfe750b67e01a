import type { TaskPagesModule } from '../../task-flow';
import { troubleshootPageId } from './flow';
import { TroubleshootPage } from './TroubleshootPage';

export const pages: TaskPagesModule['pages'] = { [troubleshootPageId]: TroubleshootPage };
