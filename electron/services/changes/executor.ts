import type { ChangePlan, PlanStep } from '../../../shared/changes/plan';
import type { PlanOutcome, StepOutcome, StepStatus } from '../../../shared/changes/plan-outcome';
import { isAppError } from '../../../shared/core/errors';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import { removeRunningMarker, writeRunningMarker } from './running-marker';
import { checkCompanyFeatures, checkGlobalSettings, checkPartitions, checkPasswordSync, checkSchedulerSuspended, checkStaging } from './verify';

/** The sync server operations a plan uses. */
export type PlanClient = Pick<
  AdSyncClient,
  'setScheduler' | 'setPartitionFilters' | 'setGlobalSettings' | 'setCompanyFeatures' | 'setPasswordSyncConfiguration' | 'setStagingMode' | 'startSyncCycle'
>;

export interface ExecutionContext {
  readonly planId: string;
  readonly client: PlanClient;
  readonly dataFolder: string;
  /** SchedulerSuspended before the plan; the resume step restores it. */
  readonly schedulerWasSuspended: boolean;
  readonly onProgress: (stepId: string, status: StepStatus, message: string | null) => void;
  readonly now?: () => Date;
}

/** A step that ran but whose result is not what was asked. */
class StepFailure extends Error {}

interface StepResult {
  readonly status: 'succeeded' | 'warning';
  readonly message: string | null;
}

const succeeded: StepResult = { status: 'succeeded', message: null };

function expect(problem: string | null): StepResult {
  if (problem !== null) throw new StepFailure(`The sync server did not keep the change: ${problem}`);
  return succeeded;
}

async function runStep(step: PlanStep, context: ExecutionContext): Promise<StepResult> {
  const { client } = context;
  switch (step.kind) {
    case 'suspendScheduler':
      return expect(checkSchedulerSuspended(await client.setScheduler({ schedulerSuspended: true }), true));
    case 'resumeScheduler':
      return expect(
        checkSchedulerSuspended(await client.setScheduler({ schedulerSuspended: context.schedulerWasSuspended }), context.schedulerWasSuspended),
      );
    case 'setPartitionFilters':
      return expect(checkPartitions(await client.setPartitionFilters(step.connectorName, step.partitions), step));
    case 'setGlobalSettings':
      return expect(checkGlobalSettings(await client.setGlobalSettings(step.settings), step));
    case 'setCompanyFeatures':
      return expect(checkCompanyFeatures(await client.setCompanyFeatures(step.change), step));
    case 'setPasswordSync':
      return expect(checkPasswordSync(await client.setPasswordSyncConfiguration(step.sourceConnector, step.targetConnector, step.enable), step));
    case 'setStagingMode':
      return expect(checkStaging(await client.setStagingMode(step.enabled), step.enabled));
    case 'startSyncCycle':
      try {
        const started = await client.startSyncCycle(step.policyType);
        if (started.result !== null && started.result.toLowerCase() !== 'success') {
          throw new StepFailure(`The sync server answered "${started.result}" instead of starting the cycle.`);
        }
        return succeeded;
      } catch (error) {
        if (!isAppError(error) || error.code !== 'SYNC_ALREADY_RUNNING') throw error;
        // Not a failure of the plan: a cycle is running already and will be followed by the scheduler's next one.
        if (step.policyType === 'Initial') await client.setScheduler({ nextSyncCyclePolicyType: 'Initial' });
        return {
          status: 'warning',
          message:
            step.policyType === 'Initial'
              ? 'A synchronization cycle was already running, so no new one was started. The next scheduled cycle will be a full one.'
              : 'A synchronization cycle was already running, so no new one was started. The next scheduled cycle picks up the changes.',
        };
      }
  }
}

function describeError(error: unknown): string {
  if (error instanceof StepFailure) return error.message;
  if (isAppError(error)) return error.message;
  // An exception's own text is for the log, not for the page.
  return 'An unexpected error occurred.';
}

/**
 * Runs a plan's steps in order. After a failed step the remaining changes are skipped, but the scheduler
 * is always resumed (the resume step runs whatever happened, and a marker file covers a crash).
 */
export async function executePlan(plan: ChangePlan, context: ExecutionContext): Promise<PlanOutcome> {
  const outcomes: StepOutcome[] = plan.steps.map((step) => ({ stepId: step.id, title: step.title, status: 'pending', message: null }));
  const report = (index: number, status: StepStatus, message: string | null): void => {
    const outcome = outcomes[index];
    if (!outcome) return;
    outcomes[index] = { ...outcome, status, message };
    context.onProgress(outcome.stepId, status, message);
  };
  const suspends = plan.steps.some((step) => step.kind === 'suspendScheduler');
  const resumeIndex = plan.steps.findIndex((step) => step.kind === 'resumeScheduler');
  let failed = false;
  let suspendAttempted = false;
  let resumed = false;

  if (suspends) {
    await writeRunningMarker(context.dataFolder, {
      planId: context.planId,
      startedAtUtc: (context.now?.() ?? new Date()).toISOString(),
      schedulerWasSuspended: context.schedulerWasSuspended,
    });
  }
  try {
    for (const [index, step] of plan.steps.entries()) {
      if (failed && step.kind !== 'resumeScheduler') {
        report(index, 'skipped', 'Not run because an earlier step failed.');
        continue;
      }
      if (step.kind === 'resumeScheduler' && !suspendAttempted) {
        report(index, 'skipped', 'The scheduler was not suspended.');
        continue;
      }
      report(index, 'running', null);
      if (step.kind === 'suspendScheduler') suspendAttempted = true;
      try {
        const result = await runStep(step, context);
        if (step.kind === 'resumeScheduler') resumed = true;
        report(index, result.status, result.message);
      } catch (error) {
        failed = true;
        report(index, 'failed', describeError(error));
      }
    }
  } finally {
    // Normally the resume step did this; here only if something outside the steps threw before it ran.
    if (suspendAttempted && !resumed && resumeIndex >= 0 && outcomes[resumeIndex]?.status !== 'failed') {
      try {
        await context.client.setScheduler({ schedulerSuspended: context.schedulerWasSuspended });
        resumed = true;
      } catch {
        // The marker stays; the next start resumes the scheduler.
      }
    }
    if (suspends && (resumed || !suspendAttempted)) await removeRunningMarker(context.dataFolder);
  }
  if (suspendAttempted && !resumed) {
    const index = resumeIndex;
    const outcome = outcomes[index];
    if (outcome && outcome.status === 'failed') {
      outcomes[index] = { ...outcome, message: `${outcome.message ?? ''} The wizard will resume the scheduler the next time it starts.`.trim() };
    }
  }
  return { planId: context.planId, succeeded: outcomes.every((outcome) => outcome.status === 'succeeded' || outcome.status === 'warning'), steps: outcomes };
}
