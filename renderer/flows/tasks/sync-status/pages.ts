import type { TaskPagesModule } from '../../task-flow';
import { syncStatusPageId } from './flow';
import { SyncStatusPage } from './SyncStatusPage';

export const pages: TaskPagesModule['pages'] = { [syncStatusPageId]: SyncStatusPage };
