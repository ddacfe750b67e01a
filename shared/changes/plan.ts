import { z } from 'zod';
import { partitionFilterSchema, type PartitionFilter } from '../sync-server/connectors';
import type { ChangeBaseline } from './baseline';
import type { ChangeDraft, CustomizeEdit } from './draft';
import { featureRecordSettings, featureTexts, handOffReasons, isHandedOff, optionalFeatureKeys, signInLockReason } from './features';

/*
 * A change plan: the ordered steps that turn the current configuration into the draft. Pure data, so
 * Ready to configure shows exactly what main will run, and tests can check the order and content. Each
 * feature step does everything the native wizard does for that feature and is read back by the executor;
 * a draft that asks for what the app leaves to the native wizard is refused before anything runs.
 */

const stepBase = { id: z.string(), title: z.string(), details: z.array(z.string()) };

export const planStepSchema = z.discriminatedUnion('kind', [
  /** The documented pattern (real-server-tasks §6): scheduled cycles off while the changes are made... */
  z.object({ ...stepBase, kind: z.literal('pauseSyncCycles') }),
  /**
   * Password writeback on the Azure AD connector, and the 2016 builds' record of it. First among the
   * changes: when the server asks for a credential to onboard it, nothing else has changed yet.
   */
  z.object({ ...stepBase, kind: z.literal('setPasswordWriteback'), connector: z.string(), enable: z.boolean(), recordSetting: z.string().nullable() }),
  z.object({ ...stepBase, kind: z.literal('setPartitionFilters'), connectorName: z.string(), partitions: z.array(partitionFilterSchema) }),
  /** Password hash synchronization: every AD connector toward the Azure AD connector, and the tenant's feature, together. */
  z.object({
    ...stepBase,
    kind: z.literal('setPasswordHashSync'),
    enable: z.boolean(),
    sourceConnectors: z.array(z.string()),
    targetConnector: z.string(),
    recordSetting: z.string().nullable(),
  }),
  /** ...and SyncCycleEnabled back to what it was before, in a finally. */
  z.object({ ...stepBase, kind: z.literal('restoreSyncCycles') }),
  z.object({ ...stepBase, kind: z.literal('startSyncCycle'), policyType: z.enum(['Delta', 'Initial']) }),
]);
export type PlanStep = z.infer<typeof planStepSchema>;

export const changePlanSchema = z.object({
  task: z.enum(['customize', 'staging']),
  steps: z.array(planStepSchema),
  /** How many configuration changes the plan makes (0 = nothing to configure, maybe only a sync). */
  changeCount: z.number().int(),
  fullSyncRequired: z.boolean(),
  warnings: z.array(z.string()),
});
export type ChangePlan = z.infer<typeof changePlanSchema>;

type StepWithoutId = PlanStep extends infer S ? (S extends PlanStep ? Omit<S, 'id'> : never) : never;

/** The draft names something the server does not have, or asks for what the server refuses. */
export class DraftMismatchError extends Error {}

/** The draft asks for a change the app leaves to the native wizard. */
export class HandedOffError extends Error {}

const sameDn = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const dnSet = (values: readonly string[]): Set<string> => new Set(values.map((value) => value.toLowerCase()));
const setsEqual = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((value) => b.has(value));

function partitionDetails(name: string, before: PartitionFilter, after: PartitionFilter): string[] {
  const details: string[] = [];
  if (before.selected !== after.selected) details.push(after.selected ? `Synchronize the domain ${name}` : `Stop synchronizing the domain ${name}`);
  const beforeIn = dnSet(before.containerInclusions);
  const beforeOut = dnSet(before.containerExclusions);
  const afterIn = dnSet(after.containerInclusions);
  const afterOut = dnSet(after.containerExclusions);
  for (const dn of after.containerInclusions) if (!beforeIn.has(dn.toLowerCase())) details.push(`Include ${dn}`);
  for (const dn of before.containerInclusions) if (!afterIn.has(dn.toLowerCase())) details.push(`No longer include ${dn}`);
  for (const dn of after.containerExclusions) if (!beforeOut.has(dn.toLowerCase())) details.push(`Exclude ${dn}`);
  for (const dn of before.containerExclusions) if (!afterOut.has(dn.toLowerCase())) details.push(`No longer exclude ${dn}`);
  return details;
}

function partitionChanged(before: PartitionFilter, after: PartitionFilter): boolean {
  return (
    before.selected !== after.selected ||
    !setsEqual(dnSet(before.containerInclusions), dnSet(after.containerInclusions)) ||
    !setsEqual(dnSet(before.containerExclusions), dnSet(after.containerExclusions))
  );
}

function filterSteps(baseline: ChangeBaseline, edit: CustomizeEdit): StepWithoutId[] {
  const steps: StepWithoutId[] = [];
  for (const directory of edit.directories) {
    const current = baseline.directories.find((candidate) => candidate.connectorName === directory.connectorName);
    if (!current) throw new DraftMismatchError(`The directory ${directory.connectorName} is not connected to this server.`);
    const changes: PartitionFilter[] = [];
    const details: string[] = [];
    for (const partition of directory.partitions) {
      const before = current.partitions.find((candidate) => sameDn(candidate.dn, partition.dn));
      if (!before) throw new DraftMismatchError(`The domain ${partition.dn} is not a partition of ${directory.connectorName}.`);
      if (!partitionChanged(before, partition)) continue;
      changes.push({
        dn: before.dn,
        selected: partition.selected,
        containerInclusions: [...partition.containerInclusions],
        containerExclusions: [...partition.containerExclusions],
      });
      details.push(...partitionDetails(current.partitionNames[before.dn] ?? before.dn, before, partition));
    }
    if (changes.length > 0) {
      steps.push({
        kind: 'setPartitionFilters',
        title: `Change the domain and OU filtering of ${directory.connectorName}`,
        details,
        connectorName: directory.connectorName,
        partitions: changes,
      });
    }
  }
  return steps;
}

const enableText = (enable: boolean): string => (enable ? 'on' : 'off');

function featureSteps(baseline: ChangeBaseline, edit: CustomizeEdit, cloud: string): { writeback: StepWithoutId[]; passwordHashSync: StepWithoutId[] } {
  const changed = (key: (typeof optionalFeatureKeys)[number]): boolean => edit.features[key] !== baseline.features[key];
  for (const key of optionalFeatureKeys) {
    if (!changed(key)) continue;
    const label = featureTexts[key].label(cloud);
    if (isHandedOff(key)) throw new HandedOffError(`${label} is changed in Azure AD Connect, not here. ${handOffReasons[key]}`);
    const unreadable = baseline.unreadable.find((entry) => entry.feature === key);
    if (unreadable) throw new DraftMismatchError(`${label} cannot be changed: ${unreadable.message}`);
    if (key === 'passwordHashSync' && !edit.features.passwordHashSync && baseline.signInMethod === 'PasswordHashSync') {
      throw new HandedOffError(signInLockReason(baseline.signInMethod));
    }
    if (baseline.staging) throw new DraftMismatchError(`${label} cannot be changed while the server is in staging mode.`);
  }
  const target = baseline.cloudConnector;
  const writeback: StepWithoutId[] = [];
  if (changed('passwordWriteback') && target !== null) {
    const enable = edit.features.passwordWriteback;
    writeback.push({
      kind: 'setPasswordWriteback',
      title: `Turn ${enableText(enable)} password writeback`,
      details: [
        enable
          ? `Write password changes made in ${cloud} back through ${target}`
          : `Stop writing password changes made in ${cloud} back through ${target}`,
      ],
      connector: target,
      enable,
      recordSetting: baseline.recordSettings.includes('passwordWriteback') ? featureRecordSettings.passwordWriteback : null,
    });
  }
  const passwordHashSync: StepWithoutId[] = [];
  if (changed('passwordHashSync') && target !== null) {
    const enable = edit.features.passwordHashSync;
    const sources = baseline.directories.map((directory) => directory.connectorName);
    passwordHashSync.push({
      kind: 'setPasswordHashSync',
      title: `Turn ${enableText(enable)} password hash synchronization`,
      details: [
        ...sources.map((source) => (enable ? `Send the password hashes of ${source} to ${target}` : `Stop sending the password hashes of ${source} to ${target}`)),
        `${enable ? 'Enable' : 'Disable'} password hash synchronization for the ${cloud} tenant`,
      ],
      enable,
      sourceConnectors: sources,
      targetConnector: target,
      recordSetting: baseline.recordSettings.includes('passwordHashSync') ? featureRecordSettings.passwordHashSync : null,
    });
  }
  return { writeback, passwordHashSync };
}

/**
 * Turns (current configuration, draft) into the ordered steps main will run. Throws HandedOffError for a
 * change the native wizard makes, and DraftMismatchError when the draft names something the server does
 * not have or asks for what the server refuses. `writebackWarning` (from the directory permissions check)
 * is shown when password writeback is turned on.
 */
export function buildChangePlan(
  baseline: ChangeBaseline,
  draft: ChangeDraft,
  options: { readonly cloudDirectory: string; readonly writebackWarning?: string | null },
): ChangePlan {
  const changes: StepWithoutId[] = [];
  const warnings: string[] = [];
  let fullSyncRequired = false;
  if (draft.kind === 'staging') {
    if (draft.enabled !== baseline.staging) {
      throw new HandedOffError(
        `Staging mode is ${draft.enabled ? 'enabled' : 'disabled'} in Azure AD Connect, not here: its Configure staging mode task is the supported way, and it also moves password hash synchronization and password writeback with staging.`,
      );
    }
  } else {
    const features = featureSteps(baseline, draft.edit, options.cloudDirectory);
    const filters = filterSteps(baseline, draft.edit);
    if (filters.length > 0) {
      fullSyncRequired = true;
      warnings.push(
        `Filtering changes can delete objects in ${options.cloudDirectory}. If one export would delete more than ${baseline.deletionThreshold.threshold ?? 500} objects, the sync server stops it (prevent accidental deletes).`,
      );
    }
    if (features.writeback.some((step) => step.kind === 'setPasswordWriteback' && step.enable) && options.writebackWarning) {
      warnings.push(options.writebackWarning);
    }
    changes.push(...features.writeback, ...filters, ...features.passwordHashSync);
  }

  const steps: StepWithoutId[] = [];
  if (changes.length > 0) {
    steps.push({
      kind: 'pauseSyncCycles',
      title: 'Turn off scheduled synchronization cycles',
      details: ['No scheduled cycle starts while the changes are made (Set-ADSyncScheduler -SyncCycleEnabled $false).'],
    });
    steps.push(...changes);
    steps.push({
      kind: 'restoreSyncCycles',
      title: 'Restore scheduled synchronization cycles',
      details: [
        baseline.syncCycleEnabled
          ? 'Scheduled cycles are turned back on, even if a step above fails.'
          : 'Scheduled cycles were off before and stay off, even if a step above fails.',
      ],
    });
  }
  if (draft.startSync) {
    const policyType = fullSyncRequired ? 'Initial' : 'Delta';
    steps.push({
      kind: 'startSyncCycle',
      policyType,
      title: policyType === 'Initial' ? 'Start a full (initial) synchronization cycle' : 'Start a delta synchronization cycle',
      details: policyType === 'Initial' ? ['The filtering changes need every object to be processed again.'] : [],
    });
  }
  return {
    task: draft.kind,
    steps: steps.map((step, index) => ({ ...step, id: `step-${index + 1}` }) as PlanStep),
    changeCount: changes.length,
    fullSyncRequired,
    warnings,
  };
}
