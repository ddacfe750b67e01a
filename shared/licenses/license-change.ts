import { z } from 'zod';
import { appErrorDataSchema } from '../core/errors';
import { subscribedSkuSchema } from './skus-and-users';

const skuIdSchema = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'A skuId is a GUID.');
const countrySchema = z.string().regex(/^[A-Za-z]{2}$/, 'A usage location is a two-letter country code such as US or DE.');

export const licenseActionSchema = z.enum(['assign', 'remove']);

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
  completed: z.number().int(),
  total: z.number().int(),
  /** Microsoft Graph is throttling: the batch waits before trying again. */
  busy: z.boolean(),
});
export type LicensesProgress = z.infer<typeof licensesProgressSchema>;
