import type { PlanStep } from '../../../shared/changes/plan';
import type { CompanyFeatures, Connector, GlobalSettings, PasswordResetConfiguration, PasswordSyncConfiguration, Scheduler } from '../../../shared/sync-server';

/*
 * Read-back checks: each set operation answers with the state as the server saved it; these compare it
 * with what the step asked for and describe any difference (null = as asked).
 */

const lower = (values: readonly string[]): string[] => values.map((value) => value.toLowerCase()).sort();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify(lower(a)) === JSON.stringify(lower(b));

export function checkSyncCycleEnabled(scheduler: Scheduler, wanted: boolean): string | null {
  return scheduler.syncCycleEnabled === wanted ? null : `Scheduled synchronization cycles are ${scheduler.syncCycleEnabled ? 'still on' : 'still off'}.`;
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

/** The global settings as saved against the values asked for ("True"/"False" in any case). */
export function checkGlobalSettings(settings: GlobalSettings, wanted: readonly { name: string; value: string }[]): string | null {
  for (const setting of wanted) {
    const saved = settings.parameters.find((parameter) => parameter.name === setting.name);
    const value = saved?.value ?? '';
    const same = /^(true|false)$/i.test(setting.value) ? value.toLowerCase() === setting.value.toLowerCase() : value === setting.value;
    if (!same) return `The setting ${setting.name} is "${value}", not "${setting.value}".`;
  }
  return null;
}

export function checkPasswordWriteback(configuration: PasswordResetConfiguration, step: Extract<PlanStep, { kind: 'setPasswordWriteback' }>): string | null {
  if (configuration.enabled !== step.enable) return `Password writeback on ${step.connector} is ${configuration.enabled ? 'still on' : 'still off'}.`;
  return null;
}

/**
 * Both halves of password hash synchronization against the step: every AD connector, and the tenant's
 * company feature. Any difference is reported, including the mismatch Microsoft's diagnostics flag.
 */
export function checkPasswordHashSync(
  connectors: readonly PasswordSyncConfiguration[],
  features: CompanyFeatures,
  step: Extract<PlanStep, { kind: 'setPasswordHashSync' }>,
): string | null {
  const wrong = connectors.filter((configuration) => configuration.enabled !== step.enable).map((configuration) => configuration.sourceConnector);
  if (wrong.length > 0) return `Password hash synchronization of ${wrong.join(', ')} is ${step.enable ? 'still off' : 'still on'}.`;
  if (features.passwordHashSync !== step.enable) return `The tenant's password hash synchronization is ${String(features.passwordHashSync)}, not ${String(step.enable)}.`;
  return null;
}
