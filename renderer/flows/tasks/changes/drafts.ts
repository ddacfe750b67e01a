import type { ChangeBaseline } from '../../../../shared/changes/baseline';
import type { CustomizeEdit } from '../../../../shared/changes/draft';
import type { PlanOutcome, PreparedPlan } from '../../../../shared/changes/plan-outcome';
import type { PendingExports, StagingState } from '../../../../shared/changes/staging';

/*
 * The change tasks' wizard state: what the pages edit and how far the plan got, held by the renderer
 * until Configure. Only the draft (shared/changes/draft.ts) crosses to main.
 */

/** Where a change task is between its first page and Configuration complete. */
export interface ChangeRunState {
  /** A synchronization cycle was running when the task last looked; the task waits for it. */
  readonly syncRunning: boolean;
  /** The plan main computed for the draft as it is now (null while it is being computed). */
  readonly plan: PreparedPlan | null;
  readonly outcome: PlanOutcome | null;
}

export const initialRunState: ChangeRunState = { syncRunning: false, plan: null, outcome: null };

/**
 * The staging setting as chosen on the Staging mode page. A change is made in the native wizard; the task
 * checks the pending exports before a staging server becomes active, and reads the server back after.
 */
export interface StagingDraft {
  /** The server's state when the task read it. */
  readonly current: boolean;
  readonly enabled: boolean;
  /** What the server said about staging and the features that follow it, when the task read it. */
  readonly state: StagingState;
  /** Read when staging is to be turned off; null until then. */
  readonly pendingExports: PendingExports | null;
  /** "I have reviewed the pending exports". */
  readonly reviewed: boolean;
  readonly startSync: boolean;
  readonly run: ChangeRunState;
}

/** The edited copy of the synchronization options, until Configure applies it. */
export interface CustomizeDraft {
  readonly baseline: ChangeBaseline;
  readonly edit: CustomizeEdit;
  readonly run: ChangeRunState;
  readonly startSync: boolean;
  /** Per connector: the "Sync all domains and OUs" choice on the filtering page. */
  readonly syncAll: Readonly<Record<string, boolean>>;
}
