import { z } from 'zod';
import { partitionFilterSchema, type PartitionFilter } from '../sync-server/connectors';
import type { CompanyFeaturesChange, GlobalSettingChange } from '../sync-server/settings';
import { formatExtensionAttribute } from './aad-apps';
import type { ChangeBaseline } from './baseline';
import type { ChangeDraft, CustomizeEdit } from './draft';
import {
  applicationListSetting,
  attributeExclusionListSetting,
  directoryExtensionAttributesSetting,
  featureSettingNames,
  featuresNeedingFullSync,
  featureTexts,
  optionalFeatureKeys,
} from './features';

/*
 * A change plan: the ordered steps that turn the current configuration into the draft. Pure data, so
 * Ready to configure shows exactly what main will run, and tests can check the order and content.
 */

const stepBase = { id: z.string(), title: z.string(), details: z.array(z.string()) };

export const planStepSchema = z.discriminatedUnion('kind', [
  z.object({ ...stepBase, kind: z.literal('suspendScheduler') }),
  z.object({ ...stepBase, kind: z.literal('setPartitionFilters'), connectorName: z.string(), partitions: z.array(partitionFilterSchema) }),
  z.object({ ...stepBase, kind: z.literal('setGlobalSettings'), settings: z.array(z.object({ name: z.string(), value: z.string() })) }),
  z.object({
    ...stepBase,
    kind: z.literal('setCompanyFeatures'),
    change: z.object({ passwordHashSync: z.boolean().optional(), unifiedGroupWriteback: z.boolean().optional() }),
  }),
  /** Password hash synchronization from one AD connector to the Azure AD connector (a real server needs it per connector). */
  z.object({ ...stepBase, kind: z.literal('setPasswordSync'), sourceConnector: z.string(), targetConnector: z.string(), enable: z.boolean() }),
  z.object({ ...stepBase, kind: z.literal('setStagingMode'), enabled: z.boolean() }),
  z.object({ ...stepBase, kind: z.literal('resumeScheduler') }),
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

export class DraftMismatchError extends Error {}

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

const listText = (values: readonly string[]): string => values.join(',');
const sameList = (a: readonly string[], b: readonly string[]): boolean => setsEqual(new Set(a), new Set(b));

function featureSteps(baseline: ChangeBaseline, edit: CustomizeEdit, cloud: string): { steps: StepWithoutId[]; fullSync: boolean } {
  const settings: GlobalSettingChange[] = [];
  const details: string[] = [];
  let fullSync = false;
  for (const key of optionalFeatureKeys) {
    const wanted = edit.features[key];
    if (wanted === baseline.features[key]) continue;
    if (!baseline.settingsPresent.includes(key)) throw new DraftMismatchError(`This server does not offer ${featureTexts[key].label(cloud)}.`);
    if ((key === 'passwordHashSync' || key === 'passwordWriteback') && baseline.staging) {
      throw new DraftMismatchError(`${featureTexts[key].label(cloud)} cannot be changed while the server is in staging mode.`);
    }
    settings.push({ name: featureSettingNames[key], value: wanted ? 'True' : 'False' });
    details.push(`${wanted ? 'Enable' : 'Disable'} ${featureTexts[key].label(cloud)}`);
    if (featuresNeedingFullSync.includes(key)) fullSync = true;
  }
  if (edit.features.appAndAttributeFiltering) {
    if (!sameList(edit.aadApps, baseline.aadApps)) {
      settings.push({ name: applicationListSetting, value: listText(edit.aadApps) });
      details.push(edit.aadApps.length > 0 ? `Synchronize for the apps: ${edit.aadApps.join(', ')}` : 'Synchronize for no particular app');
      fullSync = true;
    }
    if (!sameList(edit.excludedAttributes, baseline.excludedAttributes)) {
      settings.push({ name: attributeExclusionListSetting, value: listText(edit.excludedAttributes) });
      details.push(
        edit.excludedAttributes.length > 0 ? `Do not synchronize the attributes: ${edit.excludedAttributes.join(', ')}` : 'Synchronize every attribute of the chosen apps',
      );
      fullSync = true;
    }
  }
  if (edit.features.directoryExtensions && !sameList(edit.extensionAttributes, baseline.extensionAttributes)) {
    settings.push({ name: directoryExtensionAttributesSetting, value: listText(edit.extensionAttributes.map(formatExtensionAttribute)) });
    details.push(
      edit.extensionAttributes.length > 0 ? `Synchronize the directory extension attributes: ${edit.extensionAttributes.join(', ')}` : 'Synchronize no directory extension attribute',
    );
    fullSync = true;
  }
  const steps: StepWithoutId[] = [];
  if (settings.length > 0) steps.push({ kind: 'setGlobalSettings', title: 'Change the optional features', details, settings });

  const company: CompanyFeaturesChange = {};
  const companyDetails: string[] = [];
  if (edit.features.passwordHashSync !== baseline.features.passwordHashSync) {
    company.passwordHashSync = edit.features.passwordHashSync;
    companyDetails.push(`${edit.features.passwordHashSync ? 'Enable' : 'Disable'} password hash synchronization for the tenant`);
  }
  if (edit.features.groupWriteback !== baseline.features.groupWriteback) {
    company.unifiedGroupWriteback = edit.features.groupWriteback;
    companyDetails.push(`${edit.features.groupWriteback ? 'Enable' : 'Disable'} group writeback for the tenant`);
  }
  if (companyDetails.length > 0) {
    steps.push({ kind: 'setCompanyFeatures', title: `Update the ${cloud} tenant features`, details: companyDetails, change: company });
  }
  if (edit.features.passwordHashSync !== baseline.features.passwordHashSync) {
    steps.push(...passwordSyncSteps(baseline, edit.features.passwordHashSync, cloud));
  }
  return { steps, fullSync };
}

function passwordSyncSteps(baseline: ChangeBaseline, enable: boolean, cloud: string): StepWithoutId[] {
  const target = baseline.cloudConnector;
  if (target === null) throw new DraftMismatchError(`Password hash synchronization needs the ${cloud} connector, and this server has none.`);
  return baseline.directories.map((directory) => ({
    kind: 'setPasswordSync',
    title: `Turn ${enable ? 'on' : 'off'} password hash synchronization for ${directory.connectorName}`,
    details: [enable ? `Send the password hashes of ${directory.connectorName} to ${target}` : `Stop sending the password hashes of ${directory.connectorName} to ${target}`],
    sourceConnector: directory.connectorName,
    targetConnector: target,
    enable,
  }));
}

/**
 * Turns (current configuration, draft) into the ordered steps main will run. Throws DraftMismatchError
 * when the draft names something the server does not have or asks for what the server refuses.
 */
export function buildChangePlan(baseline: ChangeBaseline, draft: ChangeDraft, options: { cloudDirectory: string }): ChangePlan {
  const changes: StepWithoutId[] = [];
  const warnings: string[] = [];
  let fullSyncRequired = false;
  if (draft.kind === 'staging') {
    if (draft.enabled !== baseline.staging) {
      changes.push({
        kind: 'setStagingMode',
        enabled: draft.enabled,
        title: draft.enabled ? 'Enable staging mode' : 'Disable staging mode',
        details: draft.enabled
          ? ['The server keeps importing and synchronizing but exports nothing, and password hash synchronization and password writeback stop.']
          : ['The server exports again. Make sure no other server exports to the same directories.'],
      });
    }
  } else {
    const filters = filterSteps(baseline, draft.edit);
    if (filters.length > 0) {
      fullSyncRequired = true;
      warnings.push(
        `Filtering changes can delete objects in ${options.cloudDirectory}. If one export would delete more than ${baseline.deletionThreshold.threshold ?? 500} objects, the sync server stops it (prevent accidental deletes).`,
      );
    }
    const features = featureSteps(baseline, draft.edit, options.cloudDirectory);
    fullSyncRequired ||= features.fullSync;
    changes.push(...filters, ...features.steps);
  }

  const steps: StepWithoutId[] = [];
  if (changes.length > 0) {
    steps.push({ kind: 'suspendScheduler', title: 'Suspend the synchronization scheduler', details: ['No scheduled cycle starts while the changes are made.'] });
    steps.push(...changes);
    steps.push({ kind: 'resumeScheduler', title: 'Resume the synchronization scheduler', details: [] });
  }
  if (draft.startSync) {
    const policyType = fullSyncRequired ? 'Initial' : 'Delta';
    steps.push({
      kind: 'startSyncCycle',
      policyType,
      title: policyType === 'Initial' ? 'Start a full (initial) synchronization cycle' : 'Start a delta synchronization cycle',
      details: policyType === 'Initial' ? ['The filtering or feature changes need every object to be processed again.'] : [],
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
