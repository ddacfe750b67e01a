import type { CustomizeDraft, StagingDraft } from './tasks/changes/drafts';
import type { TaskId } from './app/tasks';

/** What the flows' visibility and canProceed rules read; pages change it through useWizard().update. */
export interface WizardContext {
  readonly task: TaskId | null;
  /** Set by the Connect to Azure AD page: an administrator with a sufficient role is signed in. */
  readonly signedInAsAdmin: boolean;
  readonly staging: StagingDraft | null;
  readonly customize: CustomizeDraft | null;
}

export const initialWizardContext: WizardContext = {
  task: null,
  signedInAsAdmin: false,
  staging: null,
  customize: null,
};
