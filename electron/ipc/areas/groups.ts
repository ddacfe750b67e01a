import { isAppError, AppError } from '../../../shared/core/errors';
import { adSyncGroupNames, type AdSyncGroupName } from '../../../shared/sync-server';
import type { syncAdminsChannels } from '../../../shared/contract/sync-admins';
import type { GroupMembership, SyncAdminsMember } from '../../../shared/sync-admins/members';
import type { GroupMember } from '../../../shared/sync-server';
import { memberChangeMessage, type MemberChange } from '../../../shared/sync-admins/messages';
import type { TargetConfig } from '../../main/target';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

/** The lab seeds ADSyncAdmins with the account that "installed" it. */
const labDefaultWindowsUser = 'CONTOSO\\Administrator';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The Windows account running the app, as DOMAIN\user. On the lab (no real Windows logon) it comes from
 * ADSYNC_LAB_WINDOWS_USER, else the lab's installing administrator.
 */
export function currentWindowsUser(target: Pick<TargetConfig, 'kind'>, env: Environment): string | null {
  if (target.kind === 'lab') return env.ADSYNC_LAB_WINDOWS_USER?.trim() || labDefaultWindowsUser;
  const user = env.USERNAME?.trim();
  const domain = env.USERDOMAIN?.trim();
  if (!user) return null;
  return domain ? `${domain}\\${user}` : user;
}

function toMember(member: GroupMember): SyncAdminsMember {
  return {
    name: member.name ?? member.sid ?? '(unknown account)',
    sid: member.sid,
    objectClass: member.objectClass,
    principalSource: member.principalSource,
  };
}

async function change(
  services: Services,
  kind: MemberChange,
  group: AdSyncGroupName,
  accountName: string,
): Promise<GroupMembership> {
  try {
    const members =
      kind === 'add'
        ? await services.syncServer.addGroupMember(group, accountName)
        : await services.syncServer.removeGroupMember(group, accountName);
    return { group, members: members.map(toMember), error: null };
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(error.code, memberChangeMessage(kind, error.toData(), accountName, group), error.detail ?? error.message);
  }
}

/** The ADSync* local groups: list, add and remove members by account name (names only ever cross as data). */
export function createGroupsHandlers(services: Services): AreaHandlers<typeof syncAdminsChannels> {
  return {
    'groups:list': async () => {
      const groups: GroupMembership[] = [];
      for (const group of adSyncGroupNames) {
        try {
          const members = await services.syncServer.getGroupMembers(group);
          groups.push({ group, members: members.map(toMember), error: null });
        } catch (error) {
          if (!isAppError(error)) throw error;
          groups.push({ group, members: [], error: { code: error.code, message: error.message } });
        }
      }
      return { groups, currentWindowsUser: currentWindowsUser(services.target, process.env) };
    },
    'groups:add-member': async ({ group, accountName }) => change(services, 'add', group, accountName),
    'groups:remove-member': async ({ group, accountName }) => change(services, 'remove', group, accountName),
  };
}
