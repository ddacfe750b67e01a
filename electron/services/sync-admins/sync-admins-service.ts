import { AppError, isAppError } from '../../../shared/core/errors';
import type { GroupList, GroupMembership, SyncAdminsMember } from '../../../shared/sync-admins/members';
import { memberChangeMessage, type MemberChange } from '../../../shared/sync-admins/messages';
import { adSyncGroupNames, type AdSyncGroupName, type GroupMember } from '../../../shared/sync-server/groups';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import type { TargetConfig } from '../../main/target-config';

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

export interface SyncAdminsServiceOptions {
  readonly syncServer: Pick<AdSyncClient, 'getGroupMembers' | 'addGroupMember' | 'removeGroupMember'>;
  readonly target: Pick<TargetConfig, 'kind'>;
  /** Where the Windows account running the app is read from (default: this process's environment). */
  readonly env?: Environment;
}

/** The ADSync* local groups: list, add and remove members by account name (names only ever cross as data). */
export class SyncAdminsService {
  constructor(private readonly options: SyncAdminsServiceOptions) {}

  /** Every group, one that cannot be read with its error, and the Windows account running the app. */
  async list(): Promise<GroupList> {
    const groups: GroupMembership[] = [];
    for (const group of adSyncGroupNames) {
      try {
        const members = await this.options.syncServer.getGroupMembers(group);
        groups.push({ group, members: members.map(toMember), error: null });
      } catch (error) {
        if (!isAppError(error)) throw error;
        groups.push({ group, members: [], error: { code: error.code, message: error.message } });
      }
    }
    return { groups, currentWindowsUser: currentWindowsUser(this.options.target, this.options.env ?? process.env) };
  }

  /** Fails with MEMBER_EXISTS, PRINCIPAL_NOT_FOUND or GROUP_NOT_FOUND, worded with the name as typed. */
  addMember(group: AdSyncGroupName, accountName: string): Promise<GroupMembership> {
    return this.change('add', group, accountName);
  }

  /** Fails with MEMBER_NOT_FOUND or GROUP_NOT_FOUND, worded with the name as typed. */
  removeMember(group: AdSyncGroupName, accountName: string): Promise<GroupMembership> {
    return this.change('remove', group, accountName);
  }

  private async change(kind: MemberChange, group: AdSyncGroupName, accountName: string): Promise<GroupMembership> {
    const { syncServer } = this.options;
    try {
      const members = kind === 'add' ? await syncServer.addGroupMember(group, accountName) : await syncServer.removeGroupMember(group, accountName);
      return { group, members: members.map(toMember), error: null };
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw new AppError(error.code, memberChangeMessage(kind, error.toData(), accountName, group), error.detail ?? error.message);
    }
  }
}
