import type { PlanStep } from '../../../shared/changes/plan';
import type { CompanyFeatures, Connector, GlobalSettings, PasswordSyncConfiguration, Scheduler, StagingMode } from '../../../shared/sync-server';

/*
 * Read-back checks: each set operation answers with the state as the server saved it; these compare it
 * with what the step asked for and describe any difference (null = as asked).
 */

const lower = (values: readonly string[]): string[] => values.map((value) => value.toLowerCase()).sort();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify(lower(a)) === JSON.stringify(lower(b));

export function checkSchedulerSuspended(scheduler: Scheduler, wanted: boolean): string | null {
  return scheduler.schedulerSuspended === wanted ? null : `The scheduler is ${scheduler.schedulerSuspended ? 'still suspended' : 'not suspended'}.`;
}

export function checkPartitions(connector: Connector, step: Extract<PlanStep, { kind: 'setPartitionFilters' }>): string | null {
  for (const wanted of step.partitions) {
    const saved = connector.partitions.find((partition) => (partition.dn ?? '').toLowerCase() === wanted.dn.toLowerCase());
    if (!saved) return `The domain ${wanted.dn} is missing from ${step.connectorName}.`;
    if (saved.selected !== wanted.selected) return `The domain ${wanted.dn} is ${saved.selected ? 'still selected' : 'not selected'}.`;
    if (!sameSet(saved.containerInclusions, wanted.containerInclusions)) return `The OUs included in ${wanted.dn} are not the ones chosen.`;
    if (!sameSet(saved.containerExclusions, wanted.containerExclusions)) return `The OUs excluded from ${wanted.dn} are not the ones chosen.`;
  }
  return null;
}

export function checkGlobalSettings(settings: GlobalSettings, step: Extract<PlanStep, { kind: 'setGlobalSettings' }>): string | null {
  for (const wanted of step.settings) {
    const saved = settings.parameters.find((parameter) => parameter.name === wanted.name);
    const value = saved?.value ?? '';
    const same = /^(true|false)$/i.test(wanted.value) ? value.toLowerCase() === wanted.value.toLowerCase() : value === wanted.value;
    if (!same) return `The setting ${wanted.name} is "${value}", not "${wanted.value}".`;
  }
  return null;
}

export function checkCompanyFeatures(features: CompanyFeatures, step: Extract<PlanStep, { kind: 'setCompanyFeatures' }>): string | null {
  for (const [name, wanted] of Object.entries(step.change) as [keyof typeof step.change, boolean | undefined][]) {
    if (wanted === undefined) continue;
    if (features[name] !== wanted) return `The tenant feature ${name} is ${String(features[name])}, not ${String(wanted)}.`;
  }
  return null;
}

export function checkPasswordSync(configuration: PasswordSyncConfiguration, step: Extract<PlanStep, { kind: 'setPasswordSync' }>): string | null {
  if (configuration.enabled !== step.enable) {
    return `Password hash synchronization for ${step.sourceConnector} is ${configuration.enabled ? 'still on' : 'still off'}.`;
  }
  return null;
}

export function checkStaging(staging: StagingMode, wanted: boolean): string | null {
  return staging.enabled === wanted ? null : `Staging mode is ${staging.enabled ? 'still enabled' : 'still disabled'}.`;
}
