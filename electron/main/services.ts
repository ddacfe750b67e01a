import type { AuthService } from '../services/auth/auth-service';
import type { GraphClient } from '../services/graph/graph-client';
import type { AdSyncClient } from '../services/sync-server/AdSyncClient';
import type { AppShell } from './app-shell';
import type { EventBus } from './event-bus';
import type { FileDialogs } from './file-dialogs';
import type { Logger } from './logger';
import type { TargetConfig } from './target';

/** Everything the IPC handlers may use, built once by the composition root. */
export interface Services {
  readonly target: TargetConfig;
  readonly version: string;
  readonly shell: AppShell;
  readonly dialogs: FileDialogs;
  readonly logger: Logger;
  /** Pushes events to the app window outside a request (e.g. `auth:status`). */
  readonly events: EventBus;
  /** The sync server (real ADSync or the lab module) through the persistent PowerShell session. */
  readonly syncServer: AdSyncClient;
  readonly auth: AuthService;
  readonly graph: GraphClient;
}
