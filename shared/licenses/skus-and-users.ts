import { z } from 'zod';

/** Product names of the SKUs the post-installation steps ask for (licensing-service-plan-reference). */
export const knownSkuProductNames: Readonly<Record<string, string>> = {
  AAD_PREMIUM: 'Microsoft Entra ID P1',
  AAD_PREMIUM_P2: 'Microsoft Entra ID P2',
  EMS: 'Enterprise Mobility + Security E3',
  EMSPREMIUM: 'Enterprise Mobility + Security E5',
};

/** A service plan of a SKU (`subscribedSkus.servicePlans`), with its friendly name (service-plans.ts). */
export const servicePlanSchema = z.object({
  servicePlanId: z.string(),
  servicePlanName: z.string(),
  friendlyName: z.string(),
  /** `User`: can be switched on or off per user; `Company`: tenant-wide, not offered as a switch. */
  appliesTo: z.string(),
});

/** A license the tenant owns, as the license page lists it. */
export const subscribedSkuSchema = z.object({
  skuId: z.string(),
  skuPartNumber: z.string(),
  /** A readable product name when known, else the part number. */
  productName: z.string(),
  capabilityStatus: z.string(),
  enabledUnits: z.number().int(),
  consumedUnits: z.number().int(),
  /** enabled − consumed, never below zero. */
  availableUnits: z.number().int(),
  servicePlans: z.array(servicePlanSchema),
});
export type SubscribedSku = z.infer<typeof subscribedSkuSchema>;

/**
 * One license of a user from one source (`licenseAssignmentStates`, licensing-at-scale §2.1): assigned
 * directly (`assignedByGroup` null) or inherited from a group, with its state and error.
 */
export const licenseAssignmentSchema = z.object({
  skuId: z.string(),
  /** The group the license is inherited from, with its name when it could be read; null when direct. */
  assignedByGroup: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
  /** `Active`, `ActiveWithError`, `Disabled`, `Error`, or what Graph said. */
  state: z.string(),
  /** Null when healthy (Graph's null or "None"); else Graph's value, e.g. `CountViolation` (license-errors.ts). */
  error: z.string().nullable(),
  disabledPlans: z.array(z.string()),
});
export type LicenseAssignment = z.infer<typeof licenseAssignmentSchema>;

/** A user synchronized from on-premises AD, as the license page lists it. */
export const syncedUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  /** Two-letter ISO 3166 country, or null when not set (licenses then cannot be assigned). */
  usageLocation: z.string().nullable(),
  /** The SKUs the user has now, direct or inherited (`assignedLicenses`). */
  assignedSkuIds: z.array(z.string()),
  /** Each license by source; empty when Graph did not say. */
  licenseAssignments: z.array(licenseAssignmentSchema),
  /** ISO-8601 UTC, or null. */
  onPremisesLastSyncDateTime: z.string().nullable(),
});
export type SyncedUser = z.infer<typeof syncedUserSchema>;

export const syncedUserListSchema = z.object({
  users: z.array(syncedUserSchema),
  /** The tenant's count of matching users (`$count`), when Graph returned it. */
  totalCount: z.number().int().optional(),
  /** True when more users matched than were read (the list stopped at the limit). */
  truncated: z.boolean(),
});
export type SyncedUserList = z.infer<typeof syncedUserListSchema>;

/** Two-letter ISO 3166-1 alpha-2 code, as Graph's usageLocation expects. */
export const usageLocationSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'A usage location is a two-letter country code such as US or DE.')
  .transform((value) => value.toUpperCase());

export const syncedUserQuerySchema = z.object({
  /** Free text for the search box: matches display name or user principal name. */
  search: z.string().max(200).optional(),
  /** Stop after this many users (paging continues until then). */
  limit: z.number().int().min(1).max(5000).optional(),
});
export type SyncedUserQuery = z.infer<typeof syncedUserQuerySchema>;

/** One page of the synchronized users list. */
export const syncedUsersPageSchema = z.object({
  users: z.array(syncedUserSchema),
  /** The tenant's count of matching users (`$count`), when Graph returned it. */
  totalCount: z.number().int().optional(),
  /** Opaque: pass it back as `pageToken` for the next page ("Load more"). Absent on the last page. */
  nextPageToken: z.string().optional(),
});
export type SyncedUsersPage = z.infer<typeof syncedUsersPageSchema>;

export const listUsersRequestSchema = z
  .object({
    /** Free text: matches display name or user principal name. Ignored with `pageToken` (the listing keeps its own). */
    search: z.string().max(200).optional(),
    /** The `nextPageToken` of the page before: continues that listing instead of starting one. */
    pageToken: z.uuid().optional(),
  })
  .strict();
