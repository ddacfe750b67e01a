import { z } from 'zod';
import { graphErrors, type GraphError } from './graph-errors';
import { findSku, LAB_SKUS } from './skus';
import type { AssignedLicense, CloudUserData } from './tenant-state';

export const assignLicenseBodySchema = z.object({
  addLicenses: z.array(z.object({ skuId: z.string(), disabledPlans: z.array(z.string()).nullish() })).optional(),
  removeLicenses: z.array(z.string()).nullish(),
});
export type AssignLicenseBody = z.infer<typeof assignLicenseBodySchema>;

/** Seats in use per SKU id (lowercase), counted over every user of the tenant. */
export function consumedUnits(allUsers: readonly CloudUserData[]): Map<string, number> {
  const counts = new Map<string, number>(LAB_SKUS.map((sku) => [sku.skuId, 0]));
  for (const user of allUsers) {
    for (const license of user.assignedLicenses) {
      const key = license.skuId.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Applies an assignLicense request to one user's cloud data, with Graph's checks and messages:
 * missing parameters, usage location, unknown SKU or plan, no free seat, removing an absent license.
 */
export function applyAssignLicense(
  user: CloudUserData,
  body: AssignLicenseBody,
  consumed: ReadonlyMap<string, number>,
): { ok: true; data: CloudUserData } | { ok: false; error: GraphError } {
  const missing = [body.addLicenses === undefined ? 'addLicenses' : null, body.removeLicenses === undefined ? 'removeLicenses' : null].filter(
    (name): name is string => name !== null,
  );
  if (missing.length > 0) {
    return {
      ok: false,
      error: graphErrors.badRequest(
        `One or more parameters of the function import 'assignLicense' are missing from the request payload. The missing parameters are: ${missing.join(', ')}.`,
      ),
    };
  }
  const additions = body.addLicenses ?? [];
  const removals = body.removeLicenses ?? [];
  if (additions.length > 0 && (user.usageLocation === null || user.usageLocation === '')) {
    return { ok: false, error: graphErrors.badRequest('License assignment cannot be done for user with invalid usage location.') };
  }
  let licenses: AssignedLicense[] = user.assignedLicenses.map((license) => ({ ...license, disabledPlans: [...license.disabledPlans] }));
  for (const skuId of removals) {
    const sku = findSku(skuId);
    if (sku === undefined) return { ok: false, error: graphErrors.badRequest(`License ${skuId} does not correspond to a valid company License.`) };
    if (!licenses.some((license) => license.skuId === sku.skuId)) {
      return { ok: false, error: graphErrors.badRequest('User does not have a corresponding license.') };
    }
    licenses = licenses.filter((license) => license.skuId !== sku.skuId);
  }
  for (const addition of additions) {
    const sku = findSku(addition.skuId);
    if (sku === undefined) {
      return { ok: false, error: graphErrors.badRequest(`License ${addition.skuId} does not correspond to a valid company License.`) };
    }
    const disabledPlans: string[] = [];
    for (const planId of addition.disabledPlans ?? []) {
      const plan = sku.servicePlans.find((candidate) => candidate.servicePlanId.toLowerCase() === planId.toLowerCase());
      if (plan === undefined) {
        return { ok: false, error: graphErrors.badRequest(`Service plan ${planId} does not correspond to a valid service plan of License ${sku.skuId}.`) };
      }
      disabledPlans.push(plan.servicePlanId);
    }
    const existing = licenses.find((license) => license.skuId === sku.skuId);
    if (existing !== undefined) {
      existing.disabledPlans = disabledPlans;
      continue;
    }
    const hadBefore = user.assignedLicenses.some((license) => license.skuId === sku.skuId);
    if (!hadBefore && (consumed.get(sku.skuId) ?? 0) >= sku.enabledUnits) {
      return { ok: false, error: graphErrors.badRequest(`Subscription with SKU ${sku.skuId} does not have any available licenses.`) };
    }
    licenses.push({ skuId: sku.skuId, disabledPlans });
  }
  return { ok: true, data: { usageLocation: user.usageLocation, assignedLicenses: licenses } };
}

/** Non-country region codes ICU knows that Entra does not accept as a usage location. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'AA', 'XA', 'XB']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** A usage location is an ISO 3166-1 alpha-2 country code. */
export function isValidUsageLocation(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    return regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}
