import type { z } from 'zod';
import type { licenseActionSchema, licenseOperationSchema } from './license-change';
import type { SyncedUser } from './skus-and-users';
import { findCountry } from './countries';

/** One user's change: optionally set the usage location first (the user has none), then add or remove the license. */
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
  readonly operations: readonly LicenseOperation[];
  /** Selected users the change does not concern (already licensed, or nothing to remove). */
  readonly skipped: readonly SkippedUser[];
  /** Users to license who have no usage location and for whom no country was chosen. */
  readonly missingUsageLocation: readonly SyncedUser[];
}

export interface LicensePlanInput {
  readonly action: LicenseAction;
  readonly skuId: string;
  readonly users: readonly SyncedUser[];
  /** Country chosen per user id (for users without a usage location). */
  readonly chosenLocations: Readonly<Record<string, string>>;
  /** Applies to every user without a usage location and without a country of their own. */
  readonly defaultLocation?: string | null;
}

const sameSku = (left: string, right: string): boolean => left.toLowerCase() === right.toLowerCase();

export function hasSku(user: SyncedUser, skuId: string): boolean {
  return user.assignedSkuIds.some((assigned) => sameSku(assigned, skuId));
}

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
  if (action !== 'assign') return [];
  return users.filter((user) => !hasSku(user, skuId) && !user.usageLocation);
}

/** Turns the selection into per-user operations: location first where needed, users already in the wanted state skipped. */
export function planLicenseChange(input: LicensePlanInput): LicensePlan {
  const operations: LicenseOperation[] = [];
  const skipped: SkippedUser[] = [];
  const missingUsageLocation: SyncedUser[] = [];
  for (const user of input.users) {
    const licensed = hasSku(user, input.skuId);
    if (input.action === 'assign' && licensed) {
      skipped.push({ user, reason: 'Already has this license.' });
      continue;
    }
    if (input.action === 'remove' && !licensed) {
      skipped.push({ user, reason: 'Does not have this license.' });
      continue;
    }
    const base = { userId: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName };
    if (input.action === 'assign' && !user.usageLocation) {
      const country = chosenCountry(input, user.id);
      if (country === undefined) missingUsageLocation.push(user);
      else operations.push({ ...base, setUsageLocation: country });
      continue;
    }
    operations.push(base);
  }
  return { action: input.action, skuId: input.skuId, operations, skipped, missingUsageLocation };
}
