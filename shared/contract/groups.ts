import { z } from 'zod';
import { appErrorDataSchema } from './errors';
import { requestSpec } from './define';

export const syncGroupNames = ['ADSyncAdmins', 'ADSyncOperators', 'ADSyncBrowse', 'ADSyncPasswordSet'] as const;
export const syncGroupNameSchema = z.enum(syncGroupNames);
export type SyncGroupName = z.infer<typeof syncGroupNameSchema>;

export const maxAccountNameLength = 256;

/**
 * What the administrator typed as an account name. It is only ever a name: quotes, `$()` and any script are
 * kept as they are and cross to PowerShell as data, so only emptiness and length are refused.
 */
export function checkAccountName(text: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = text.trim();
  if (name.length === 0) return { ok: false, message: 'Enter an account name, for example CONTOSO\\jdoe, jdoe@contoso.com or a local account name.' };
  if (name.length > maxAccountNameLength) {
    return { ok: false, message: `An account name has at most ${maxAccountNameLength} characters; this one has ${name.length}.` };
  }
  return { ok: true, name };
}

export const accountNameSchema = z.string().transform((text, context) => {
  const checked = checkAccountName(text);
  if (!checked.ok) {
    context.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  }
  return checked.name;
});

export const groupMemberSchema = z.object({
  /** As Windows reports it, e.g. CONTOSO\jdoe. */
  name: z.string(),
  sid: z.string().nullable(),
  objectClass: z.string().nullable(),
  principalSource: z.string().nullable(),
});
export type SyncGroupMember = z.infer<typeof groupMemberSchema>;

export const groupMembershipSchema = z.object({
  group: syncGroupNameSchema,
  members: z.array(groupMemberSchema),
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

const memberChangeRequestSchema = z.object({ group: syncGroupNameSchema, accountName: accountNameSchema }).strict();

/** Request channels of the groups area. */
export const groupsChannels = {
  'groups:list': requestSpec(z.object({}).strict(), groupListSchema),
  /** Fails with MEMBER_EXISTS, PRINCIPAL_NOT_FOUND or GROUP_NOT_FOUND; answers the group's members afterwards. */
  'groups:add-member': requestSpec(memberChangeRequestSchema, groupMembershipSchema),
  /** Fails with MEMBER_NOT_FOUND or GROUP_NOT_FOUND; answers the group's members afterwards. */
  'groups:remove-member': requestSpec(memberChangeRequestSchema, groupMembershipSchema),
} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the groups area. */
export const groupsEvents = {} as const satisfies Record<string, z.ZodType>;
