import { baselineFromServerState, serverVersionOf, type ChangeBaseline, type FeatureSources } from '../../../shared/changes/baseline';
import type { ChangeDraft } from '../../../shared/changes/draft';
import { buildChangePlan, DraftMismatchError, HandedOffError, type ChangePlan } from '../../../shared/changes/plan';
import { undoPlan } from '../../../shared/changes/undo';
import type { ForestAccountAnswer, OrganizationalUnits } from '../../../shared/changes/directories';
import type { InterruptedPlan, PlanOutcome, PreparedPlan, StepStatus } from '../../../shared/changes/plan-outcome';
import { writebackPermissionWarning } from '../../../shared/changes/permissions';
import { csexportCommands, type PendingExports, type ServerMode, type StagingState } from '../../../shared/changes/staging';
import { AppError, isAppError } from '../../../shared/core/errors';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import { executePlan } from './executor';
import { validateForestAccount, type ForestAccountInput } from './forest-account';
import { OrganizationalUnitCache } from './ou-cache';
import { acquirePlanLock, liveLockOwner, type PlanLock } from './plan-lock';
import { PlanStore } from './plan-store';
import { restoreInterruptedPlan } from './recover';
import { readRunningMarker, removeRunningMarker, writeRunningMarker } from './running-marker';

/** The sign-in the native wizard asks for before these tasks; the auth service in the app. */
export interface AdministratorCheck {
  /** Throws NOT_SIGNED_IN / NO_ADMIN_ROLE unless a Global or Hybrid Identity Administrator is signed in and their token refreshes silently. */
  requireAdministrator(): Promise<unknown>;
}

export interface ChangeServiceOptions {
  readonly client: AdSyncClient;
  readonly signIn: AdministratorCheck;
  /** The machine-wide folder (the lab folder; %ProgramData%'s administrators-only state folder): plan lock and running marker. */
  readonly dataFolder: string;
  /** The product's name of the cloud directory ("Azure AD" or "Microsoft Entra ID"). */
  readonly cloudDirectory: string;
  /** The lab target (one forest, which the forest account dialog says when asked for another). */
  readonly lab: boolean;
  readonly log?: (message: string) => void;
}

type BaselineDirectory = ChangeBaseline['directories'][number];

/** The parts of the baseline a plan depends on; a difference at apply time makes the plan stale. */
function fingerprint(baseline: ChangeBaseline): string {
  const { syncCycleInProgress: _running, schedulerSuspended: _suspended, syncCycleEnabled: _enabled, ...configuration } = baseline;
  return JSON.stringify(configuration);
}

const syncRunningMessage =
  'A synchronization cycle is running on this server. Nothing was changed. Wait until it finishes, then select Configure again.';

const schedulerSuspendedMessage =
  "Azure AD Connect's own wizard is open on this server, perhaps in another session, or an upgrade is running: it has suspended the scheduler. Nothing was changed. Close Azure AD Connect or wait for the upgrade to finish, then select Configure again.";

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads the configuration for the change tasks, turns drafts into plans, and applies a plan once. */
export class ChangeService {
  private readonly plans = new PlanStore();
  /** The plan this process is applying, until its finally (scheduler restore) has run. */
  private applying: Promise<unknown> | null = null;
  /** Plans that failed after changing something: the baseline they started from and their outcome, for undo. */
  private readonly undoable = new Map<string, { baseline: ChangeBaseline; plan: ChangePlan; outcome: PlanOutcome }>();
  /** Why the last restore of an interrupted plan failed in this session. */
  private restoreProblem: string | null = null;
  private readonly organizationalUnits = new OrganizationalUnitCache();
  /** The baseline read the OU reads that start together share (the page asks for every domain at once). */
  private baselineForOus: Promise<ChangeBaseline> | null = null;

  constructor(private readonly options: ChangeServiceOptions) {}

  /** The server state, and each feature's state from what governs it (per-connector and Azure AD connector configurations). */
  async getBaseline(): Promise<ChangeBaseline> {
    const { client } = this.options;
    const state = await client.getServerState({ runCount: 1 });
    const adConnectors = (state.connectors ?? []).filter((connector) => connector.connectorTypeName === 'AD' || connector.type === 'AD');
    const cloud = (state.connectors ?? []).find((connector) => !adConnectors.includes(connector) && /azure active directory/i.test(connector.subtype ?? ''));
    const passwordSync = await Promise.all(adConnectors.map((connector) => client.getPasswordSyncConfiguration(connector.name ?? '')));
    let sources: FeatureSources = { passwordSync, passwordReset: null, passwordResetError: 'This server has no Azure AD connector.' };
    if (cloud?.name) {
      try {
        sources = { passwordSync, passwordReset: await client.getPasswordResetConfiguration(cloud.name) };
      } catch (error) {
        sources = { passwordSync, passwordReset: null, passwordResetError: `The password reset configuration could not be read: ${messageOf(error)}` };
      }
    }
    return baselineFromServerState(state, sources);
  }

  /** Staging mode and the build, from Get-ADSyncScheduler and Get-ADSyncGlobalSettings only: Additional tasks waits for nothing more. */
  async getServerMode(): Promise<ServerMode> {
    const { client } = this.options;
    const [scheduler, globalSettings] = await Promise.all([client.getScheduler(), client.getGlobalSettings()]);
    return { enabled: scheduler.stagingModeEnabled, serverVersion: serverVersionOf(globalSettings) };
  }

  /** Staging mode as Get-ADSyncScheduler tells it, and the features that follow it as configured. */
  async getStagingState(): Promise<StagingState> {
    const baseline = await this.getBaseline();
    return {
      enabled: baseline.staging,
      syncCycleInProgress: baseline.syncCycleInProgress,
      passwordHashSync: { connectors: baseline.passwordHashSync.connectors.some((connector) => connector.enabled), tenant: baseline.passwordHashSync.tenant },
      passwordWriteback: baseline.unreadable.some((entry) => entry.feature === 'passwordWriteback') ? null : baseline.features.passwordWriteback,
      serverVersion: baseline.serverVersion,
    };
  }

  /** What this server would export once active: Get-ADSyncConnectorStatistics where the build has it, else the csexport route. */
  async getPendingExports(): Promise<PendingExports> {
    const { client } = this.options;
    const [statistics, connectors, deletionThreshold] = await Promise.all([client.getConnectorStatistics(), client.getConnectors(), client.getExportDeletionThreshold()]);
    const isCloud = (name: string): boolean =>
      connectors.some((connector) => connector.name === name && connector.connectorTypeName !== 'AD' && /azure active directory/i.test(connector.subtype ?? ''));
    const names = connectors.map((connector) => connector.name ?? '').filter((name) => name !== '');
    return {
      source: statistics.available ? 'connector-statistics' : 'csexport',
      connectors: statistics.available
        ? statistics.connectors.map((connector) => ({
            name: connector.connectorName,
            cloud: isCloud(connector.connectorName),
            adds: connector.exportAdds,
            updates: connector.exportUpdates,
            deletes: connector.exportDeletes,
          }))
        : names.map((name) => ({ name, cloud: isCloud(name), adds: null, updates: null, deletes: null })),
      deletionThreshold: { enabled: deletionThreshold.enabled, threshold: deletionThreshold.threshold },
      csexportCommands: statistics.available ? [] : csexportCommands(names),
    };
  }

  /**
   * The baseline Customize synchronization options edits. Also starts reading every domain's OUs in the background, so
   * Domain and OU filtering finds them read: one domain after another, and since the session runs calls in order, a
   * page's own call waits for at most the one OU read call in progress, not for the forest.
   */
  async getBaselineForCustomize(): Promise<ChangeBaseline> {
    const baseline = await this.getBaseline();
    void (async () => {
      for (const directory of baseline.directories) {
        for (const partition of directory.partitions) {
          // A plan's calls go first: its scheduler stays off for as short a time as it can.
          if (this.applying) return;
          // A failed read is not kept: the page reads again and says why.
          await this.organizationalUnits
            .get(directory.connectorName, partition.dn, () => this.readOrganizationalUnits(directory, partition))
            .catch((error: unknown) => this.options.log?.(`[changes] reading the OUs of ${partition.dn} ahead failed: ${messageOf(error)}`));
        }
      }
    })();
    return baseline;
  }

  /** Every OU of one domain and the containers right under it: read once per session (`refresh` reads again). */
  async getOrganizationalUnits(connectorName: string, partitionDn: string, refresh = false): Promise<OrganizationalUnits> {
    return this.organizationalUnits.get(
      connectorName,
      partitionDn,
      async () => {
        this.baselineForOus ??= this.getBaseline().finally(() => {
          this.baselineForOus = null;
        });
        const directory = (await this.baselineForOus).directories.find((candidate) => candidate.connectorName === connectorName);
        const partition = directory?.partitions.find((candidate) => candidate.dn.toLowerCase() === partitionDn.toLowerCase());
        if (!directory || !partition) throw new AppError('VALIDATION_FAILED', `The domain ${partitionDn} is not part of ${connectorName}.`);
        return this.readOrganizationalUnits(directory, partition);
      },
      refresh,
    );
  }

  /** Every OU of one domain, read page by page, and the containers right under the domain. */
  private async readOrganizationalUnits(directory: BaselineDirectory, partition: BaselineDirectory['partitions'][number]): Promise<OrganizationalUnits> {
    const server = directory.partitionNames[partition.dn];
    const ous: OrganizationalUnits['ous'] = [];
    for (const container of await this.options.client.getContainers({ searchBase: partition.dn, ...(server ? { server } : {}) })) {
      ous.push({ name: container.name ?? container.distinguishedName, dn: container.distinguishedName, kind: 'container' });
    }
    for await (const page of this.options.client.allOrganizationalUnits({
      searchBase: partition.dn,
      scope: 'Subtree',
      take: 5000,
      ...(server ? { server } : {}),
    })) {
      for (const item of page.items) ous.push({ name: item.name || item.distinguishedName, dn: item.distinguishedName, kind: 'organizationalUnit' });
    }
    return { partitionDn: partition.dn, ous };
  }

  /** The AD forest account dialog of Connect your directories; the password never leaves main. */
  async validateForestAccount(request: ForestAccountInput): Promise<ForestAccountAnswer> {
    const baseline = await this.getBaseline();
    return validateForestAccount(request, { configuredForests: baseline.directories.map((directory) => directory.forest), lab: this.options.lab });
  }

  /** Whether the AD DS connector accounts have the rights password writeback needs; a warning when not, or when it cannot be told. */
  private async writebackWarning(baseline: ChangeBaseline): Promise<string | null> {
    const warnings: string[] = [];
    for (const directory of baseline.directories) {
      try {
        const warning = writebackPermissionWarning(await this.options.client.getDirectoryPermissions(directory.connectorName));
        if (warning) warnings.push(warning);
      } catch (error) {
        warnings.push(`The directory permissions of ${directory.connectorName} could not be checked: ${isAppError(error) ? error.message : messageOf(error)}`);
      }
    }
    return warnings.length > 0 ? warnings.join(' ') : null;
  }

  async prepare(draft: ChangeDraft): Promise<PreparedPlan> {
    // Both change tasks come after Connect to Azure AD in the native wizard.
    await this.options.signIn.requireAdministrator();
    const baseline = await this.getBaseline();
    const enablesWriteback = draft.kind === 'customize' && draft.edit.features.passwordWriteback && !baseline.features.passwordWriteback;
    try {
      const plan = buildChangePlan(baseline, draft, {
        cloudDirectory: this.options.cloudDirectory,
        writebackWarning: enablesWriteback ? await this.writebackWarning(baseline) : null,
      });
      const planId = this.plans.add(plan, fingerprint(baseline));
      return { ...plan, planId };
    } catch (error) {
      if (error instanceof HandedOffError) throw new AppError('CHANGE_HANDED_OFF', error.message);
      if (error instanceof DraftMismatchError) throw new AppError('VALIDATION_FAILED', error.message);
      throw error;
    }
  }

  /** Whether this process is applying a plan now (the window close guard asks before quitting). */
  isApplying(): boolean {
    return this.applying !== null;
  }

  /** Resolves once the running plan (if any) has restored the scheduler and released the lock. */
  async whenIdle(): Promise<void> {
    await this.applying?.catch(() => undefined);
  }

  /**
   * Under the plan lock: an interrupted plan's scheduled cycles go back first. Throws SCHEDULER_NOT_RESTORED
   * (the marker stays) when the server refuses, so no new plan starts over a scheduler left off.
   */
  private async restoreUnderLock(): Promise<void> {
    const { client, dataFolder } = this.options;
    try {
      const restored = await restoreInterruptedPlan(dataFolder, client);
      this.restoreProblem = null;
      if (restored) this.options.log?.(`[changes] plan ${restored.planId} was interrupted; SyncCycleEnabled was restored to ${restored.syncCycleWasEnabled}.`);
    } catch (error) {
      const marker = await readRunningMarker(dataFolder);
      this.restoreProblem = isAppError(error) ? error.message : messageOf(error);
      this.options.log?.(`[changes] plan ${marker?.planId ?? 'unknown'} was interrupted and scheduled cycles could not be restored: ${messageOf(error)}`);
      throw new AppError(
        'SCHEDULER_NOT_RESTORED',
        `A change plan${marker ? ` started at ${new Date(marker.startedAtUtc).toLocaleString()}` : ''} stopped with scheduled synchronization cycles turned off, and they could not be turned back on: ${this.restoreProblem} Nothing was changed. Restore the scheduler from the Welcome page first.`,
      );
    }
  }

  /** The machine-wide lock, after any interrupted plan's scheduler was restored. */
  private async lock(planId: string): Promise<PlanLock> {
    const lock = await acquirePlanLock(this.options.dataFolder, planId);
    try {
      await this.restoreUnderLock();
    } catch (error) {
      await lock.release();
      throw error;
    }
    return lock;
  }

  /** A plan that stopped with scheduled cycles off and that no live process is running, or null. */
  async getInterruptedPlan(): Promise<InterruptedPlan | null> {
    const marker = await readRunningMarker(this.options.dataFolder);
    if (!marker || (await liveLockOwner(this.options.dataFolder)) !== null) return null;
    return { planId: marker.planId, startedAtUtc: marker.startedAtUtc, syncCycleWasEnabled: marker.syncCycleWasEnabled, problem: this.restoreProblem };
  }

  /** "Restore the scheduler" on Welcome, and the start-up recovery. */
  async restoreScheduler(): Promise<InterruptedPlan | null> {
    const lock = await this.lock('restore-scheduler');
    await lock.release();
    return this.getInterruptedPlan();
  }

  /** Once at start-up; never throws. A failure stays visible through getInterruptedPlan. */
  async recoverAtStart(): Promise<void> {
    try {
      await this.restoreScheduler();
    } catch (error) {
      // PLAN_IN_PROGRESS: another instance is running its plan, which is not interrupted.
      this.options.log?.(`[changes] start-up recovery: ${messageOf(error)}`);
    }
  }

  async apply(planId: string, onProgress: (stepId: string, status: StepStatus, message: string | null) => void): Promise<PlanOutcome> {
    // Checked in main at apply time, whatever the renderer shows: the sign-in may have ended since the plan was made.
    await this.options.signIn.requireAdministrator();
    const { plan, fingerprint: planned } = this.plans.claim(planId);
    let lock: PlanLock;
    try {
      lock = await this.lock(planId);
    } catch (error) {
      this.plans.release(planId);
      throw error;
    }
    return this.asChangeInProgress(lock, () => this.applyLocked(planId, plan, planned, onProgress));
  }

  /** `work` as this session's change in progress (closing the window waits for it), the lock released after it. */
  private async asChangeInProgress<T>(lock: PlanLock, work: () => Promise<T>): Promise<T> {
    const run = work().finally(() => lock.release());
    this.applying = run;
    try {
      return await run;
    } finally {
      this.applying = null;
    }
  }

  private async applyLocked(
    planId: string,
    plan: ReturnType<PlanStore['claim']>['plan'],
    planned: string,
    onProgress: (stepId: string, status: StepStatus, message: string | null) => void,
  ): Promise<PlanOutcome> {
    let baseline: ChangeBaseline;
    try {
      baseline = await this.getBaseline();
    } catch (error) {
      this.plans.release(planId);
      throw error;
    }
    if (baseline.schedulerSuspended) {
      this.plans.release(planId);
      throw new AppError('SCHEDULER_SUSPENDED', schedulerSuspendedMessage);
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
      const outcome = await executePlan(plan, {
        planId,
        client: this.options.client,
        dataFolder: this.options.dataFolder,
        syncCycleWasEnabled: baseline.syncCycleEnabled,
        onProgress: (stepId, status, message) => {
          this.options.log?.(`[changes] plan ${planId} ${stepId}: ${status}${message ? ` (${message})` : ''}`);
          onProgress(stepId, status, message);
        },
      });
      if (!outcome.succeeded && undoPlan(baseline, plan, outcome.steps).changeCount > 0) this.undoable.set(planId, { baseline, plan, outcome });
      return outcome;
    } finally {
      this.organizationalUnits.invalidateAfter(plan);
      this.plans.finish(planId);
    }
  }

  /**
   * A change outside a plan (Troubleshoot's "Sync this object now") under the same guard as a plan: the
   * machine-wide lock (PLAN_IN_PROGRESS while a plan runs), an interrupted plan's scheduler restored first,
   * refused while a cycle runs or the scheduler is suspended, and scheduled cycles off while `action` runs,
   * with the running marker, so a crash midway is restored by the next start as a plan's would be.
   */
  async withSyncCyclesOff<T>(guardId: string, action: () => Promise<T>): Promise<T> {
    const { client, dataFolder } = this.options;
    const lock = await this.lock(guardId);
    return this.asChangeInProgress(lock, async (): Promise<T> => {
      const scheduler = await client.getScheduler();
      if (scheduler.schedulerSuspended) throw new AppError('SCHEDULER_SUSPENDED', schedulerSuspendedMessage);
      if (scheduler.syncCycleInProgress) throw new AppError('SYNC_ALREADY_RUNNING', syncRunningMessage);
      const wasEnabled = scheduler.syncCycleEnabled;
      if (!wasEnabled) return action();
      await writeRunningMarker(dataFolder, { planId: guardId, startedAtUtc: new Date().toISOString(), syncCycleWasEnabled: true });
      let outcome: { readonly value: T } | { readonly error: unknown };
      try {
        if ((await client.setScheduler({ syncCycleEnabled: false })).syncCycleEnabled) {
          throw new AppError('POWERSHELL_ERROR', 'The sync server did not turn scheduled synchronization cycles off. Nothing was changed.');
        }
        outcome = { value: await action() };
      } catch (error) {
        outcome = { error };
      }
      let restored = false;
      try {
        restored = (await client.setScheduler({ syncCycleEnabled: true })).syncCycleEnabled;
      } catch (error) {
        this.options.log?.(`[changes] ${guardId}: scheduled cycles could not be turned back on: ${messageOf(error)}`);
      }
      // Kept when the restore failed: Welcome offers to restore the scheduler and no plan starts until it is.
      if (restored) await removeRunningMarker(dataFolder);
      if ('error' in outcome) throw outcome.error;
      if (!restored) {
        throw new AppError(
          'SCHEDULER_NOT_RESTORED',
          'The change was made, but scheduled synchronization cycles could not be turned back on. Restore the scheduler from the Welcome page before changing anything else.',
        );
      }
      return outcome.value;
    });
  }

  /**
   * "Undo the applied steps" after a failed step: the inverse steps back to the plan's baseline, under the
   * same guard (sign-in, machine-wide lock, scheduler pattern), each read back. Once per failed plan.
   */
  async undo(planId: string, onProgress: (stepId: string, status: StepStatus, message: string | null) => void): Promise<PlanOutcome> {
    await this.options.signIn.requireAdministrator();
    const failed = this.undoable.get(planId);
    if (!failed) throw new AppError('PLAN_STALE', 'There is nothing to undo for these changes.');
    const lock = await this.lock(`undo-${planId}`);
    return this.asChangeInProgress(lock, async (): Promise<PlanOutcome> => {
      const current = await this.getBaseline();
      if (current.schedulerSuspended) throw new AppError('SCHEDULER_SUSPENDED', schedulerSuspendedMessage);
      if (current.syncCycleInProgress) throw new AppError('SYNC_ALREADY_RUNNING', syncRunningMessage);
      this.undoable.delete(planId);
      const plan = undoPlan(failed.baseline, failed.plan, failed.outcome.steps);
      this.options.log?.(`[changes] undoing plan ${planId} (${plan.steps.length} steps)`);
      return executePlan(plan, { planId, client: this.options.client, dataFolder: this.options.dataFolder, syncCycleWasEnabled: current.syncCycleEnabled, onProgress }).finally(() =>
        this.organizationalUnits.invalidateAfter(plan),
      );
    });
  }
}
