import { z } from 'zod';
import { groupListSchema, groupMembershipSchema, memberChangeRequestSchema } from '../sync-admins/members';
import { requestSpec } from './define';

/** Request channels of the sync-admins area. */
export const syncAdminsChannels = {
  'sync-admins:list': requestSpec(z.object({}).strict(), groupListSchema),
  /** Fails with MEMBER_EXISTS, PRINCIPAL_NOT_FOUND or GROUP_NOT_FOUND; answers the group's members afterwards. */
  'sync-admins:add-member': requestSpec(memberChangeRequestSchema, groupMembershipSchema),
  /** Fails with MEMBER_NOT_FOUND or GROUP_NOT_FOUND; answers the group's members afterwards. */
  'sync-admins:remove-member': requestSpec(memberChangeRequestSchema, groupMembershipSchema),
} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the sync-admins area. */
export const syncAdminsEvents = {} as const satisfies Record<string, z.ZodType>;
