import { baselineFromServerState, type ChangeBaseline, type StagingState } from '../../../shared/changes/baseline';
import type { ChangeDraft } from '../../../shared/changes/draft';
import { buildChangePlan, DraftMismatchError } from '../../../shared/changes/plan';
import type { ForestAccountAnswer, OrganizationalUnits } from '../../../shared/changes/directories';
import type { PlanOutcome, PreparedPlan, StepStatus } from '../../../shared/changes/plan-outcome';
import { AppError } from '../../../shared/core/errors';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import { executePlan } from './executor';
import { validateForestAccount, type ForestAccountInput } from './forest-account';
import { PlanStore } from './plan-store';

export interface ChangeServiceOptions {
  readonly client: AdSyncClient;
  readonly dataFolder: string;
  /** The product's name of the cloud directory ("Azure AD" or "Microsoft Entra ID"). */
  readonly cloudDirectory: string;
  /** The lab target (one forest, which the forest account dialog says when asked for another). */
  readonly lab: boolean;
  readonly log?: (message: string) => void;
}

/** The parts of the baseline a plan depends on; a difference at apply time makes the plan stale. */
function fingerprint(baseline: ChangeBaseline): string {
  const { syncCycleInProgress: _running, schedulerSuspended: _suspended, ...configuration } = baseline;
  return JSON.stringify(configuration);
}

const syncRunningMessage =
  'A synchronization cycle is running on this server. Nothing was changed. Wait until it finishes, then select Configure again.';

/** Reads the configuration for the change tasks, turns drafts into plans, and applies a plan once. */
export class ChangeService {
  private readonly plans = new PlanStore();

  constructor(private readonly options: ChangeServiceOptions) {}

  async getBaseline(): Promise<ChangeBaseline> {
    return baselineFromServerState(await this.options.client.getServerState({ runCount: 1 }));
  }

  async getStagingState(): Promise<StagingState> {
    const scheduler = await this.options.client.getScheduler();
    return { enabled: scheduler.stagingModeEnabled, syncCycleInProgress: scheduler.syncCycleInProgress };
  }

  /** Every OU of one domain, read page by page. */
  async getOrganizationalUnits(connectorName: string, partitionDn: string): Promise<OrganizationalUnits> {
    const baseline = await this.getBaseline();
    const directory = baseline.directories.find((candidate) => candidate.connectorName === connectorName);
    const partition = directory?.partitions.find((candidate) => candidate.dn.toLowerCase() === partitionDn.toLowerCase());
    if (!directory || !partition) throw new AppError('VALIDATION_FAILED', `The domain ${partitionDn} is not part of ${connectorName}.`);
    const server = directory.partitionNames[partition.dn];
    const ous: OrganizationalUnits['ous'] = [];
    for await (const page of this.options.client.allOrganizationalUnits({
      searchBase: partition.dn,
      scope: 'Subtree',
      take: 5000,
      ...(server ? { server } : {}),
    })) {
      for (const item of page.items) ous.push({ name: item.name ?? item.distinguishedName, dn: item.distinguishedName });
    }
    return { partitionDn: partition.dn, ous };
  }

  /** The AD forest account dialog of Connect your directories; the password never leaves main. */
  async validateForestAccount(request: ForestAccountInput): Promise<ForestAccountAnswer> {
    const baseline = await this.getBaseline();
    return validateForestAccount(request, { configuredForests: baseline.directories.map((directory) => directory.forest), lab: this.options.lab });
  }

  async prepare(draft: ChangeDraft): Promise<PreparedPlan> {
    const baseline = await this.getBaseline();
    try {
      const plan = buildChangePlan(baseline, draft, { cloudDirectory: this.options.cloudDirectory });
      const planId = this.plans.add(plan, fingerprint(baseline));
      return { ...plan, planId };
    } catch (error) {
      if (error instanceof DraftMismatchError) throw new AppError('VALIDATION_FAILED', error.message);
      throw error;
    }
  }

  async apply(planId: string, onProgress: (stepId: string, status: StepStatus, message: string | null) => void): Promise<PlanOutcome> {
    const { plan, fingerprint: planned } = this.plans.claim(planId);
    let baseline: ChangeBaseline;
    try {
      baseline = await this.getBaseline();
    } catch (error) {
      this.plans.release(planId);
      throw error;
    }
    if (baseline.syncCycleInProgress) {
      this.plans.release(planId);
      throw new AppError('SYNC_ALREADY_RUNNING', syncRunningMessage);
    }
    if (fingerprint(baseline) !== planned) {
      this.plans.discard(planId);
      throw new AppError(
        'PLAN_STALE',
        'The configuration of the sync server changed since this plan was made. Nothing was changed. Go back and review the changes again.',
      );
    }
    this.options.log?.(`[changes] applying plan ${planId} (${plan.steps.length} steps)`);
    try {
      return await executePlan(plan, {
        planId,
        client: this.options.client,
        dataFolder: this.options.dataFolder,
        schedulerWasSuspended: baseline.schedulerSuspended,
        onProgress: (stepId, status, message) => {
          this.options.log?.(`[changes] plan ${planId} ${stepId}: ${status}${message ? ` (${message})` : ''}`);
          onProgress(stepId, status, message);
        },
      });
    } finally {
      this.plans.finish(planId);
    }
  }
}
