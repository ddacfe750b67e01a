import { z } from 'zod';
import { applyLicensesRequestSchema, applyLicensesResultSchema, licensesProgressSchema } from '../licenses/license-change';
import { listUsersRequestSchema, subscribedSkuSchema, syncedUsersPageSchema } from '../licenses/skus-and-users';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

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
