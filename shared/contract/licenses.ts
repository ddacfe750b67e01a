import { z } from 'zod';
import { appErrorDataSchema } from './errors';
import { requestSpec } from './define';
import { subscribedSkuSchema, syncedUserSchema } from '../model/licensing';

const noParams = z.object({}).strict();
const skuIdSchema = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'A skuId is a GUID.');
const countrySchema = z.string().regex(/^[A-Za-z]{2}$/, 'A usage location is a two-letter country code such as US or DE.');

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

export const licenseActionSchema = z.enum(['assign', 'remove']);

/** One user's change, as planned on the page (shared/licensing/plan.ts). Names are for the outcome list only. */
export const licenseOperationSchema = z
  .object({
    userId: z.string().min(1).max(100),
    displayName: z.string().max(512),
    userPrincipalName: z.string().max(512),
    setUsageLocation: countrySchema.optional(),
  })
  .strict();

export const applyLicensesRequestSchema = z
  .object({
    /** Chosen by the page once per submission: the same id is applied at most once. */
    applyId: z.uuid(),
    skuId: skuIdSchema,
    action: licenseActionSchema,
    operations: z
      .array(licenseOperationSchema)
      .min(1)
      .max(1000)
      .refine((operations) => new Set(operations.map((operation) => operation.userId)).size === operations.length, 'Each user appears once.'),
  })
  .strict();
export type ApplyLicensesRequest = z.infer<typeof applyLicensesRequestSchema>;

export const licenseOutcomeSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  status: z.enum(['done', 'failed', 'notAttempted']),
  usageLocationSet: z.string().nullable(),
  reason: z.string().nullable(),
});
export type LicenseOutcomeData = z.infer<typeof licenseOutcomeSchema>;

export const applyLicensesResultSchema = z.object({
  applyId: z.string(),
  outcomes: z.array(licenseOutcomeSchema),
  /** Why the batch stopped before every user was tried (e.g. the role may not assign licenses, Graph busy). */
  stoppedBy: appErrorDataSchema.nullable(),
  /** The subscriptions read again after the change (consumed units updated); null when they could not be read. */
  skus: z.array(subscribedSkuSchema).nullable(),
});
export type ApplyLicensesResult = z.infer<typeof applyLicensesResultSchema>;

export const licensesProgressSchema = z.object({
  applyId: z.string(),
  completed: z.number().int(),
  total: z.number().int(),
  /** Microsoft Graph is throttling: the batch waits before trying again. */
  busy: z.boolean(),
});
export type LicensesProgress = z.infer<typeof licensesProgressSchema>;

/** Request channels of the licenses area (signed in: they fail with NOT_SIGNED_IN otherwise). */
export const licensesChannels = {
  /** The tenant's subscriptions, Azure AD Premium P1/P2 and EMS E3/E5 first. */
  'licenses:list-skus': requestSpec(noParams, z.object({ skus: z.array(subscribedSkuSchema) })),
  /** Synchronized users, searched by name or UPN, one page at a time: "Load more" passes the page's token. */
  'licenses:list-users': requestSpec(listUsersRequestSchema, syncedUsersPageSchema),
  /** Sets usage locations and assigns or removes one license for many users; progress through `licenses:progress`. */
  'licenses:apply': requestSpec(applyLicensesRequestSchema, applyLicensesResultSchema),
} as const;

/** Events main pushes in the licenses area. */
export const licensesEvents = {
  'licenses:progress': licensesProgressSchema,
} as const satisfies Record<string, z.ZodType>;
