import type { ChangePlan, PlanStep } from '../../../shared/changes/plan';
import type { PlanOutcome, StepOutcome, StepStatus } from '../../../shared/changes/plan-outcome';
import { isAppError } from '../../../shared/core/errors';
import { nativeWizardTopic } from '../../../shared/native-wizard/topic';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import { removeRunningMarker, writeRunningMarker } from './running-marker';
import { checkGlobalSettings, checkPartitions, checkPasswordHashSync, checkPasswordWriteback, checkSyncCycleEnabled } from './verify';

/** The sync server operations a plan uses. */
export type PlanClient = Pick<
  AdSyncClient,
  | 'setScheduler'
  | 'setPartitionFilters'
  | 'setGlobalSettings'
  | 'getCompanyFeatures'
  | 'setCompanyFeatures'
  | 'getPasswordSyncConfiguration'
  | 'setPasswordSyncConfiguration'
  | 'getPasswordResetConfiguration'
  | 'setPasswordResetConfiguration'
  | 'startSyncCycle'
>;

export interface ExecutionContext {
  readonly planId: string;
  readonly client: PlanClient;
  readonly dataFolder: string;
  /** SyncCycleEnabled before the plan; the restore step (and the finally) puts it back. */
  readonly syncCycleWasEnabled: boolean;
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

/** Writes a 2016 build's global setting that records a feature, and reads it back. */
async function recordFeature(client: PlanClient, setting: string | null, enable: boolean): Promise<void> {
  if (setting === null) return;
  const wanted = [{ name: setting, value: enable ? 'True' : 'False' }];
  expect(checkGlobalSettings(await client.setGlobalSettings(wanted), wanted));
}

async function setPasswordWriteback(step: Extract<PlanStep, { kind: 'setPasswordWriteback' }>, client: PlanClient): Promise<StepResult> {
  await client.setPasswordResetConfiguration(step.connector, step.enable);
  expect(checkPasswordWriteback(await client.getPasswordResetConfiguration(step.connector), step));
  await recordFeature(client, step.recordSetting, step.enable);
  return succeeded;
}

/**
 * Both halves of password hash synchronization, then a read-back of both. If a half cannot be set, the
 * connectors changed so far are put back, so the two halves never stay in disagreement.
 */
async function setPasswordHashSync(step: Extract<PlanStep, { kind: 'setPasswordHashSync' }>, client: PlanClient): Promise<StepResult> {
  const before = await Promise.all(step.sourceConnectors.map((source) => client.getPasswordSyncConfiguration(source)));
  const changed: string[] = [];
  try {
    for (const source of step.sourceConnectors) {
      await client.setPasswordSyncConfiguration(source, step.targetConnector, step.enable);
      changed.push(source);
    }
    await client.setCompanyFeatures({ passwordHashSync: step.enable });
  } catch (error) {
    const restored: string[] = [];
    for (const source of changed) {
      const previous = before.find((configuration) => configuration.sourceConnector === source)?.enabled ?? !step.enable;
      try {
        await client.setPasswordSyncConfiguration(source, step.targetConnector, previous);
        restored.push(source);
      } catch {
        // Reported below as not restored.
      }
    }
    const notRestored = changed.filter((source) => !restored.includes(source));
    throw new StepFailure(
      `${describeError(error)} ${
        notRestored.length > 0
          ? `Password hash synchronization of ${notRestored.join(', ')} could not be put back: the two halves now disagree. Run the task again.`
          : changed.length > 0
            ? `The connectors changed so far were put back, so both halves are as they were.`
            : 'Nothing was changed.'
      }`,
    );
  }
  const connectors = await Promise.all(step.sourceConnectors.map((source) => client.getPasswordSyncConfiguration(source)));
  expect(checkPasswordHashSync(connectors, await client.getCompanyFeatures(), step));
  await recordFeature(client, step.recordSetting, step.enable);
  return succeeded;
}

async function runStep(step: PlanStep, context: ExecutionContext): Promise<StepResult> {
  const { client } = context;
  switch (step.kind) {
    case 'pauseSyncCycles':
      return expect(checkSyncCycleEnabled(await client.setScheduler({ syncCycleEnabled: false }), false));
    case 'restoreSyncCycles':
      return expect(checkSyncCycleEnabled(await client.setScheduler({ syncCycleEnabled: context.syncCycleWasEnabled }), context.syncCycleWasEnabled));
    case 'setPasswordWriteback':
      return setPasswordWriteback(step, client);
    case 'setPartitionFilters':
      return expect(checkPartitions(await client.setPartitionFilters(step.connectorName, step.partitions), step));
    case 'setPasswordHashSync':
      return setPasswordHashSync(step, client);
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

/** Password writeback the server wants a credential for is left to the native wizard, which can sign in for it. */
function handOffOf(step: PlanStep, error: unknown): string | null {
  return step.kind === 'setPasswordWriteback' && isAppError(error) && error.code === 'INTERACTIVE_SIGN_IN_REQUIRED'
    ? nativeWizardTopic('customize-sync', 'passwordWriteback')
    : null;
}

function describeError(error: unknown): string {
  if (error instanceof StepFailure) return error.message;
  if (isAppError(error)) return error.message;
  // An exception's own text is for the log, not for the page.
  return 'An unexpected error occurred.';
}

/**
 * Runs a plan's steps in order. After a failed step the remaining changes are skipped, but scheduled
 * cycles are always restored to their previous state (the restore step runs whatever happened, and a
 * marker file covers a crash). The caller holds the machine-wide plan lock.
 */
export async function executePlan(plan: ChangePlan, context: ExecutionContext): Promise<PlanOutcome> {
  const outcomes: StepOutcome[] = plan.steps.map((step) => ({ stepId: step.id, title: step.title, status: 'pending', message: null, handOff: null }));
  const report = (index: number, status: StepStatus, message: string | null, handOff: string | null = null): void => {
    const outcome = outcomes[index];
    if (!outcome) return;
    outcomes[index] = { ...outcome, status, message, handOff };
    context.onProgress(outcome.stepId, status, message);
  };
  const suspends = plan.steps.some((step) => step.kind === 'pauseSyncCycles');
  const resumeIndex = plan.steps.findIndex((step) => step.kind === 'restoreSyncCycles');
  let failed = false;
  let suspendAttempted = false;
  let resumed = false;

  if (suspends) {
    await writeRunningMarker(context.dataFolder, {
      planId: context.planId,
      startedAtUtc: (context.now?.() ?? new Date()).toISOString(),
      syncCycleWasEnabled: context.syncCycleWasEnabled,
    });
  }
  try {
    for (const [index, step] of plan.steps.entries()) {
      if (failed && step.kind !== 'restoreSyncCycles') {
        report(index, 'skipped', 'Not run because an earlier step failed.');
        continue;
      }
      if (step.kind === 'restoreSyncCycles' && !suspendAttempted) {
        report(index, 'skipped', 'Scheduled cycles were not turned off.');
        continue;
      }
      report(index, 'running', null);
      if (step.kind === 'pauseSyncCycles') suspendAttempted = true;
      try {
        const result = await runStep(step, context);
        if (step.kind === 'restoreSyncCycles') resumed = true;
        report(index, result.status, result.message);
      } catch (error) {
        failed = true;
        report(index, 'failed', describeError(error), handOffOf(step, error));
      }
    }
  } finally {
    // Normally the resume step did this; here only if something outside the steps threw before it ran.
    if (suspendAttempted && !resumed && resumeIndex >= 0 && outcomes[resumeIndex]?.status !== 'failed') {
      try {
        await context.client.setScheduler({ syncCycleEnabled: context.syncCycleWasEnabled });
        resumed = true;
      } catch {
        // The marker stays; Welcome offers to restore the scheduler and no plan starts until it is.
      }
    }
    if (suspends && (resumed || !suspendAttempted)) await removeRunningMarker(context.dataFolder);
  }
  if (suspendAttempted && !resumed) {
    const index = resumeIndex;
    const outcome = outcomes[index];
    if (outcome && outcome.status === 'failed') {
      outcomes[index] = { ...outcome, message: `${outcome.message ?? ''} Restore the scheduler from the Welcome page before changing anything else.`.trim() };
    }
  }
  return { planId: context.planId, succeeded: outcomes.every((outcome) => outcome.status === 'succeeded' || outcome.status === 'warning'), steps: outcomes };
}
