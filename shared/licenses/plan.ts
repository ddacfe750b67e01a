import type { z } from 'zod';
import type { licenseActionSchema, licenseOperationSchema } from './license-change';
import type { LicenseAssignment, SyncedUser } from './skus-and-users';
import { findCountry } from './countries';

/** One user's change: optionally set the usage location first (the user has none), then the license change. */
export type LicenseOperation = z.infer<typeof licenseOperationSchema>;
export type LicenseAction = z.infer<typeof licenseActionSchema>;

export interface SkippedUser {
  readonly user: SyncedUser;
  readonly reason: string;
}

/** What submitting would do, user by user. */
export interface LicensePlan {
  readonly action: LicenseAction;
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
  readonly operations: readonly LicenseOperation[];
  /** Selected users the change does not concern (already in the wanted state). */
  readonly skipped: readonly SkippedUser[];
  /** Selected users the change may not be made on: the license is inherited, so the group decides. */
  readonly refused: readonly SkippedUser[];
  /** Users to license who have no usage location and for whom no country was chosen. */
  readonly missingUsageLocation: readonly SyncedUser[];
}

export interface LicensePlanInput {
  readonly action: LicenseAction;
  readonly skuId: string;
  /** The service plans to switch off (assign, plans). */
  readonly disabledPlans?: readonly string[];
  readonly users: readonly SyncedUser[];
  /** Country chosen per user id (for users without a usage location). */
  readonly chosenLocations: Readonly<Record<string, string>>;
  /** Applies to every user without a usage location and without a country of their own. */
  readonly defaultLocation?: string | null;
}

const sameId = (left: string, right: string): boolean => left.toLowerCase() === right.toLowerCase();

/** The user has the license now, directly or through a group. */
export function hasSku(user: SyncedUser, skuId: string): boolean {
  return user.assignedSkuIds.some((assigned) => sameId(assigned, skuId));
}

/** The user's direct assignment of the SKU, if any. */
export function directAssignment(user: SyncedUser, skuId: string): LicenseAssignment | undefined {
  return user.licenseAssignments.find((assignment) => assignment.assignedByGroup === null && sameId(assignment.skuId, skuId));
}

/** The user's assignments of the SKU inherited from groups (in error or not). */
export function inheritedAssignments(user: SyncedUser, skuId: string): LicenseAssignment[] {
  return user.licenseAssignments.filter((assignment) => assignment.assignedByGroup !== null && sameId(assignment.skuId, skuId));
}

/** "Sales licensing" or "Sales licensing and EMS pilot": the groups a user inherits the SKU from, by name. */
export function groupNames(assignments: readonly LicenseAssignment[]): string {
  const names = [...new Set(assignments.map((assignment) => assignment.assignedByGroup?.displayName ?? assignment.assignedByGroup?.id ?? ''))];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

const samePlans = (left: readonly string[], right: readonly string[]): boolean =>
  left.length === right.length && left.every((plan) => right.some((other) => sameId(plan, other)));

/** A valid ISO country code from a user's choice or the default, upper case; undefined when neither is one. */
function chosenCountry(input: LicensePlanInput, userId: string): string | undefined {
  for (const candidate of [input.chosenLocations[userId], input.defaultLocation]) {
    const country = candidate ? findCountry(candidate) : undefined;
    if (country) return country.code;
  }
  return undefined;
}

/** The selected users who will get the license but have no usage location: the page asks for a country for each. */
export function usersNeedingUsageLocation(action: LicenseAction, skuId: string, users: readonly SyncedUser[]): SyncedUser[] {
  if (action === 'remove') return [];
  return users.filter((user) => !user.usageLocation && (action === 'assign' ? !hasSku(user, skuId) : directAssignment(user, skuId) !== undefined));
}

/** Why a selected user is left out, or null when the change concerns the user. */
function leftOut(input: LicensePlanInput, user: SyncedUser): { refused: boolean; reason: string } | null {
  const direct = directAssignment(user, input.skuId);
  const inherited = inheritedAssignments(user, input.skuId);
  const groups = groupNames(inherited);
  const wanted = input.disabledPlans ?? [];
  switch (input.action) {
    case 'assign':
      if (direct) return { refused: false, reason: 'Already has this license.' };
      if (hasSku(user, input.skuId)) return { refused: false, reason: `Already has this license through ${groups}.` };
      return null;
    case 'plans':
      if (direct) return samePlans(direct.disabledPlans, wanted) ? { refused: false, reason: 'Already has these service plans.' } : null;
      if (inherited.length > 0) return { refused: true, reason: `The license is inherited from ${groups}: change its service plans on the group.` };
      return { refused: false, reason: 'Does not have this license.' };
    case 'remove':
      if (direct) return null;
      if (inherited.length > 0) {
        return { refused: true, reason: `The license is inherited from ${groups} and cannot be removed from the user: remove it from the group, or the user from the group.` };
      }
      return { refused: false, reason: 'Does not have this license.' };
  }
}

/** Turns the selection into per-user operations: location first where needed, users left out with the reason. */
export function planLicenseChange(input: LicensePlanInput): LicensePlan {
  const operations: LicenseOperation[] = [];
  const skipped: SkippedUser[] = [];
  const refused: SkippedUser[] = [];
  const missingUsageLocation: SyncedUser[] = [];
  for (const user of input.users) {
    const out = leftOut(input, user);
    if (out !== null) {
      (out.refused ? refused : skipped).push({ user, reason: out.reason });
      continue;
    }
    const base = { userId: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName };
    if (input.action !== 'remove' && !user.usageLocation) {
      const country = chosenCountry(input, user.id);
      if (country === undefined) missingUsageLocation.push(user);
      else operations.push({ ...base, setUsageLocation: country });
      continue;
    }
    operations.push(base);
  }
  return { action: input.action, skuId: input.skuId, disabledPlans: [...(input.disabledPlans ?? [])], operations, skipped, refused, missingUsageLocation };
}
