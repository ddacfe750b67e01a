import { describe, expect, it, vi } from 'vitest';
import { createSyncAdminsHandlers } from '../../../electron/ipc/areas/sync-admins';
import { SyncAdminsService, type SyncAdminsServiceOptions } from '../../../electron/services/sync-admins/sync-admins-service';
import { AppError } from '../../../shared/core/errors';

const context = { emit: vi.fn() };

function syncAdmins(syncServer: object): SyncAdminsService {
  return new SyncAdminsService({ target: { kind: 'lab' }, syncServer } as unknown as SyncAdminsServiceOptions);
}

describe('sync-admins handlers', () => {
  it('lists every group, a missing one with its error, and the Windows account running the app', async () => {
    const getGroupMembers = vi.fn(async (group: string) => {
      if (group === 'ADSyncPasswordSet') throw new AppError('GROUP_NOT_FOUND', 'Group ADSyncPasswordSet was not found.');
      return group === 'ADSyncAdmins' ? [{ name: 'CONTOSO\\Administrator', sid: 'S-1-5-21-1-500', objectClass: 'User', principalSource: 'ActiveDirectory' }] : [];
    });
    const list = await createSyncAdminsHandlers(syncAdmins({ getGroupMembers }))['sync-admins:list']({}, context);
    expect(list.groups.map((group) => [group.group, group.members.length, group.error?.code ?? null])).toEqual([
      ['ADSyncAdmins', 1, null],
      ['ADSyncOperators', 0, null],
      ['ADSyncBrowse', 0, null],
      ['ADSyncPasswordSet', 0, 'GROUP_NOT_FOUND'],
    ]);
    expect(list.currentWindowsUser).toBeTruthy();
  });

  it('passes the name through untouched and rewords a duplicate with the name as typed', async () => {
    const name = 'CONTOSO\\“Zoë” $(Get-Date)';
    const addGroupMember = vi.fn(async () => {
      throw new AppError('MEMBER_EXISTS', 'CONTOSO\\“Zoë” $(Get-Date) is already a member of group ADSyncAdmins. Nothing was changed.', 'MemberExists');
    });
    const add = createSyncAdminsHandlers(syncAdmins({ addGroupMember }))['sync-admins:add-member']({ group: 'ADSyncAdmins', accountName: name }, context);
    await expect(add).rejects.toMatchObject({ code: 'MEMBER_EXISTS', message: `${name} is already a member of ADSyncAdmins. Nothing was changed.`, detail: 'MemberExists' });
    expect(addGroupMember).toHaveBeenCalledWith('ADSyncAdmins', name);
  });

  it('answers the group as it is after a removal', async () => {
    const removeGroupMember = vi.fn(async () => []);
    const result = await createSyncAdminsHandlers(syncAdmins({ removeGroupMember }))['sync-admins:remove-member']({ group: 'ADSyncBrowse', accountName: 'CONTOSO\\jdoe' }, context);
    expect(result).toEqual({ group: 'ADSyncBrowse', members: [], error: null });
  });
});
