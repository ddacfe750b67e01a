import type { TaskId } from '../../shared/tasks';

/** What the flows' visibility and canProceed rules read. Task drafts join it as tasks arrive. */
export interface WizardContext {
  readonly task: TaskId | null;
}

export const initialWizardContext: WizardContext = { task: null };
