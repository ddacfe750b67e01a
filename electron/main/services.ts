import type { AppService } from '../services/app/app-service';
import type { SignInStatusService } from '../services/auth/sign-in-status-service';
import type { ChangeService } from '../services/changes/change-service';
import type { ConfigurationService } from '../services/configuration/configuration-service';
import type { LicensesService } from '../services/licenses/licenses-service';
import type { NativeTasksService } from '../services/native-tasks/native-tasks-service';
import type { NativeWizardService } from '../services/native-wizard/native-wizard-service';
import type { SyncAdminsService } from '../services/sync-admins/sync-admins-service';
import type { SyncStatusService } from '../services/sync-status/sync-status-service';
import type { TroubleshootService } from '../services/troubleshoot/troubleshoot-service';

/** One service per feature, built once by the composition root; each IPC area calls its own. */
export interface Services {
  readonly app: AppService;
  readonly auth: SignInStatusService;
  readonly configuration: ConfigurationService;
  readonly changes: ChangeService;
  readonly syncStatus: SyncStatusService;
  readonly syncAdmins: SyncAdminsService;
  readonly licenses: LicensesService;
  readonly nativeTasks: NativeTasksService;
  readonly nativeWizard: NativeWizardService;
  readonly troubleshoot: TroubleshootService;
}
