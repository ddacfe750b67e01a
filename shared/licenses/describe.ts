import { licenseErrorReason } from './license-errors';
import { directAssignment, groupNames, hasSku, inheritedAssignments } from './plan';
import type { SubscribedSku, SyncedUser } from './skus-and-users';

/**
 * How a user has a license, in words for the users list: "Direct", "Inherited from EMS pilot", "Direct and
 * inherited from EMS pilot", "Error from EMS pilot: Not enough licenses", or "Not assigned".
 */
export function userLicenseText(user: SyncedUser, skuId: string): string {
  const direct = directAssignment(user, skuId);
  const inherited = inheritedAssignments(user, skuId);
  const healthy = inherited.filter((assignment) => assignment.error === null);
  const failing = inherited.filter((assignment) => assignment.error !== null);
  const parts: string[] = [];
  if (direct && healthy.length > 0) parts.push(`Direct and inherited from ${groupNames(healthy)}`);
  else if (direct) parts.push('Direct');
  else if (healthy.length > 0) parts.push(`Inherited from ${groupNames(healthy)}`);
  for (const assignment of failing) parts.push(`Error from ${groupNames([assignment])}: ${licenseErrorReason(assignment.error ?? '')}`);
  if (parts.length === 0) return hasSku(user, skuId) ? 'Assigned' : 'Not assigned';
  return parts.join('; ');
}

/** "Intune, Exchange Foundation" for the plans switched off, or "" when none is. */
export function disabledPlanNames(sku: SubscribedSku, disabledPlans: readonly string[]): string {
  return disabledPlans
    .map((planId) => sku.servicePlans.find((plan) => plan.servicePlanId.toLowerCase() === planId.toLowerCase())?.friendlyName ?? planId)
    .join(', ');
}

/** The plans switched off in the user's direct assignment, else in the first group's. */
export function userDisabledPlans(user: SyncedUser, skuId: string): readonly string[] {
  return directAssignment(user, skuId)?.disabledPlans ?? inheritedAssignments(user, skuId)[0]?.disabledPlans ?? [];
}

/** `licenseProcessingState` in words. */
export function processingStateText(state: string): string {
  switch (state) {
    case 'QueuedForProcessing':
      return 'Queued for processing';
    case 'ProcessingInProgress':
      return 'Processing';
    case 'ProcessingComplete':
      return 'Complete';
    default:
      return state;
  }
}
