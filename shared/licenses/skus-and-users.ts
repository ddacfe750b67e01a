import { z } from 'zod';

/** Product names of the SKUs the post-installation steps ask for (licensing-service-plan-reference). */
export const knownSkuProductNames: Readonly<Record<string, string>> = {
  AAD_PREMIUM: 'Microsoft Entra ID P1',
  AAD_PREMIUM_P2: 'Microsoft Entra ID P2',
  EMS: 'Enterprise Mobility + Security E3',
  EMSPREMIUM: 'Enterprise Mobility + Security E5',
};

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
});
export type SubscribedSku = z.infer<typeof subscribedSkuSchema>;

/** A user synchronized from on-premises AD, as the license page lists it. */
export const syncedUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  /** Two-letter ISO 3166 country, or null when not set (licenses then cannot be assigned). */
  usageLocation: z.string().nullable(),
  assignedSkuIds: z.array(z.string()),
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
