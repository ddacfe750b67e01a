import type { TaskPagesModule } from '../../task-flow';
import { syncAdminsPageId } from './flow';
import { SyncAdminsPage } from './SyncAdminsPage';

export const pages: TaskPagesModule['pages'] = { [syncAdminsPageId]: SyncAdminsPage };
