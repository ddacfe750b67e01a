import type { TaskPagesModule } from '../../task-flow';
import { configurationPageId } from './flow';
import { ViewConfigurationPage } from './ViewConfigurationPage';

export const pages: TaskPagesModule['pages'] = { [configurationPageId]: ViewConfigurationPage };
