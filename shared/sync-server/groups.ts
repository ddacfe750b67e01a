import { z } from 'zod';
import { psArray, psText } from './ps-values';

export const adSyncGroupNames = ['ADSyncAdmins', 'ADSyncOperators', 'ADSyncBrowse', 'ADSyncPasswordSet'] as const;
export const adSyncGroupNameSchema = z.enum(adSyncGroupNames);
export type AdSyncGroupName = z.infer<typeof adSyncGroupNameSchema>;

export const groupMemberSchema = z.object({
  name: z.string().nullable(),
  sid: z.string().nullable(),
  objectClass: psText.nullable(),
  principalSource: psText.nullable(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;
export const groupMemberListSchema = psArray(groupMemberSchema);
