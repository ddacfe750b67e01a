import { z } from 'zod';
import { groupRequestSchema, groupsPageSchema, licensedGroupSchema, licenseErrorListSchema, listGroupsRequestSchema } from '../licenses/groups';
import {
  applyGroupLicenseRequestSchema,
  applyLicensesRequestSchema,
  applyLicensesResultSchema,
  licensesProgressSchema,
} from '../licenses/license-change';
import { listUsersRequestSchema, subscribedSkuSchema, syncedUsersPageSchema } from '../licenses/skus-and-users';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

/** Request channels of the licenses area (signed in: they fail with NOT_SIGNED_IN otherwise). */
export const licensesChannels = {
  /** The tenant's subscriptions with their service plans, Azure AD Premium P1/P2 and EMS E3/E5 first. */
  'licenses:list-skus': requestSpec(noParams, z.object({ skus: z.array(subscribedSkuSchema) })),
  /** Synchronized users with their licenses by source, searched by name or UPN, one page at a time. */
  'licenses:list-users': requestSpec(listUsersRequestSchema, syncedUsersPageSchema),
  /** Sets usage locations, then assigns, changes the plans of or removes one license for many users (batched); progress through `licenses:progress`. */
  'licenses:apply': requestSpec(applyLicensesRequestSchema, applyLicensesResultSchema),
  /** Security-enabled groups (synchronized and cloud) with their licenses, searched by name, one page at a time. */
  'licenses:list-groups': requestSpec(listGroupsRequestSchema, groupsPageSchema),
  /** One group with its licenses and license processing state. */
  'licenses:get-group': requestSpec(groupRequestSchema, licensedGroupSchema),
  /** Assigns, changes the plans of or removes one license on a group; answered before Graph has processed the members. */
  'licenses:apply-group': requestSpec(applyGroupLicenseRequestSchema, licensedGroupSchema),
  /** A group's members whose license from the group is in error. */
  'licenses:group-errors': requestSpec(groupRequestSchema, licenseErrorListSchema),
  /** Users with license errors across the tenant (group-based errors; direct ones fail at once). */
  'licenses:users-with-errors': requestSpec(noParams, licenseErrorListSchema),
} as const;

/** Events main pushes in the licenses area. */
export const licensesEvents = {
  'licenses:progress': licensesProgressSchema,
} as const satisfies Record<string, z.ZodType>;
