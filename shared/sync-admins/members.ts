import { z } from 'zod';
import { appErrorDataSchema } from '../core/errors';
import { adSyncGroupNameSchema, groupMemberSchema } from '../sync-server';
import { accountNameSchema } from './account-name';

/** A member as the page lists it: the sync server's member, always with a name to show. */
export const syncAdminsMemberSchema = groupMemberSchema.extend({
  /** As Windows reports it, e.g. CONTOSO\jdoe. */
  name: z.string(),
});
export type SyncAdminsMember = z.infer<typeof syncAdminsMemberSchema>;

export const groupMembershipSchema = z.object({
  group: adSyncGroupNameSchema,
  members: z.array(syncAdminsMemberSchema),
  /** Set when this group could not be read (e.g. it does not exist); the other groups are still listed. */
  error: appErrorDataSchema.nullable(),
});
export type GroupMembership = z.infer<typeof groupMembershipSchema>;

export const groupListSchema = z.object({
  groups: z.array(groupMembershipSchema),
  /** The Windows account running the app (DOMAIN\user), to ask twice before it removes itself from ADSyncAdmins. */
  currentWindowsUser: z.string().nullable(),
});
export type GroupList = z.infer<typeof groupListSchema>;

export const memberChangeRequestSchema = z.object({ group: adSyncGroupNameSchema, accountName: accountNameSchema }).strict();
