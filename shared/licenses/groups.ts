import { z } from 'zod';

/** `licenseProcessingState.state` (licensing-at-scale §1.3); anything but ProcessingComplete is "not settled". */
export const processingStateSchema = z.string();

export function isProcessingSettled(state: string): boolean {
  return state === 'ProcessingComplete';
}

/** A group that can hold licenses (security-enabled), as the Groups view lists it. */
export const licensedGroupSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string().nullable(),
  /** Synchronized from on-premises AD (`onPremisesSyncEnabled`). */
  synced: z.boolean(),
  /** `Unified` groups are Microsoft 365 groups; the others security groups. */
  microsoft365: z.boolean(),
  assignedLicenses: z.array(z.object({ skuId: z.string(), disabledPlans: z.array(z.string()) })),
  processingState: processingStateSchema,
});
export type LicensedGroup = z.infer<typeof licensedGroupSchema>;

export const groupsPageSchema = z.object({
  groups: z.array(licensedGroupSchema),
  totalCount: z.number().int().optional(),
  /** Opaque: pass it back as `pageToken` for the next page. */
  nextPageToken: z.string().optional(),
});
export type GroupsPage = z.infer<typeof groupsPageSchema>;

export const listGroupsRequestSchema = z
  .object({
    search: z.string().max(200).optional(),
    pageToken: z.uuid().optional(),
  })
  .strict();

const guidSchema = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'An id is a GUID.');

export const groupRequestSchema = z.object({ groupId: guidSchema }).strict();

/** A user with a license error, and the license and source it is about. */
export const licenseErrorEntrySchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  skuId: z.string(),
  /** Graph's value (`CountViolation`...); license-errors.ts says it in plain words. */
  error: z.string(),
  group: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
});
export type LicenseErrorEntry = z.infer<typeof licenseErrorEntrySchema>;

export const licenseErrorListSchema = z.object({
  entries: z.array(licenseErrorEntrySchema),
  /** True when there were more members in error than were read. */
  truncated: z.boolean(),
});
export type LicenseErrorList = z.infer<typeof licenseErrorListSchema>;
