import { z } from 'zod';
import { appErrorDataSchema } from '../core/errors';
import { subscribedSkuSchema } from './skus-and-users';

const skuIdSchema = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'A skuId is a GUID.');
const planIdSchema = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'A service plan id is a GUID.');
const countrySchema = z.string().regex(/^[A-Za-z]{2}$/, 'A usage location is a two-letter country code such as US or DE.');

/** Assign the license, change which of its service plans are off (keeping it), or remove it. */
export const licenseActionSchema = z.enum(['assign', 'plans', 'remove']);

/** The service plans switched off (`disabledPlans`); the complete list replaces the old one. */
const disabledPlansSchema = z.array(planIdSchema).max(100);

/** One user's change, as planned on the page (shared/licenses/plan.ts). Names are for the outcome list only. */
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
    disabledPlans: disabledPlansSchema,
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
/** One user's result; `usageLocationSet` is the usage location set for this user, when one was. */
export type LicenseOutcome = z.infer<typeof licenseOutcomeSchema>;

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
  /** Users whose outcome is known. */
  completed: z.number().int(),
  total: z.number().int(),
  /** Setting usage locations first, then the licenses (two phases, licensing-at-scale §4). */
  phase: z.enum(['usageLocation', 'licenses']),
  /** Microsoft Graph is throttling: the batch waits before trying again. */
  busy: z.boolean(),
  /** While busy: requests waiting, and how long Graph asked to wait (the longest Retry-After), in ms. */
  waiting: z.number().int(),
  retryInMs: z.number().int().nullable(),
  /** Throttled answers so far (each request was sent again after the wait Graph asked for). */
  throttled: z.number().int(),
  /** The app holds writes back to stay within Graph's documented write limits. */
  pacing: z.boolean(),
});
export type LicensesProgress = z.infer<typeof licensesProgressSchema>;

/** Assign, change plans of, or remove one license on a group; Graph processes the members afterwards. */
export const applyGroupLicenseRequestSchema = z
  .object({
    applyId: z.uuid(),
    groupId: z.string().regex(/^[0-9a-fA-F-]{36}$/, 'A group id is a GUID.'),
    skuId: skuIdSchema,
    action: licenseActionSchema,
    disabledPlans: disabledPlansSchema,
  })
  .strict();
export type ApplyGroupLicenseRequest = z.infer<typeof applyGroupLicenseRequestSchema>;
