import { DefaultButton, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import type { AdSyncGroupName } from '../../../../shared/sync-server';
import type { GroupList, GroupMembership, SyncAdminsMember } from '../../../../shared/sync-admins/members';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';
import { AddMemberForm } from './AddMemberForm';
import { GroupMembers } from './GroupMembers';
import { RemoveMemberDialogs, type PendingRemoval } from './RemoveMemberDialogs';
import { isSameAccount } from './same-account';

type Notice = { readonly kind: 'done'; readonly text: string } | { readonly kind: 'failed'; readonly error: AppErrorData };

/** The ADSync* groups: who is in each, what each may do, adding and removing members by account name. */
export function SyncAdminsPage(): JSX.Element {
  const api = useDesktopApi();
  const [list, setList] = useState<GroupList | null>(null);
  const [loadError, setLoadError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<PendingRemoval | null>(null);

  const [generation, setGeneration] = useState(0);
  const load = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    void api['sync-admins:list']({}).then((result) => {
      if (!current) return;
      setLoadError(result.ok ? null : result.error);
      if (result.ok) setList(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, generation]);

  const replaceGroup = (membership: GroupMembership): void =>
    setList((current) =>
      current ? { ...current, groups: current.groups.map((entry) => (entry.group === membership.group ? membership : entry)) } : current,
    );

  const add = async (group: AdSyncGroupName, accountName: string): Promise<boolean> => {
    setBusy(true);
    setNotice(null);
    const result = await api['sync-admins:add-member']({ group, accountName });
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: 'failed', error: result.error });
      return false;
    }
    replaceGroup(result.value);
    setNotice({ kind: 'done', text: `${accountName} was added to ${group}.` });
    return true;
  };

  const remove = async (removal: PendingRemoval): Promise<void> => {
    setBusy(true);
    setNotice(null);
    const result = await api['sync-admins:remove-member']({ group: removal.group, accountName: removal.name });
    setBusy(false);
    setPending(null);
    if (!result.ok) {
      setNotice({ kind: 'failed', error: result.error });
      // The list may be out of date (e.g. the member was removed elsewhere): read it again.
      load();
      return;
    }
    replaceGroup(result.value);
    setNotice({ kind: 'done', text: `${removal.name} was removed from ${removal.group}.` });
  };

  const askToRemove = (group: AdSyncGroupName, member: SyncAdminsMember): void => {
    setPending({ group, name: member.name, removesSelf: group === 'ADSyncAdmins' && isSameAccount(member.name, list?.currentWindowsUser ?? null) });
  };

  if (!list) {
    if (loadError) {
      return (
        <Stack tokens={{ childrenGap: 12 }}>
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            The ADSync groups could not be read: {loadError.message}
          </MessageBar>
          <DefaultButton text="Try again" onClick={load} styles={{ root: { alignSelf: 'flex-start' } }} />
        </Stack>
      );
    }
    return <Spinner label="Reading the members of the ADSync groups…" />;
  }

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text>
        Members of these local groups of the sync server may use the synchronization service. A change takes effect the next time the
        member signs in to Windows.
      </Text>
      <AddMemberForm busy={busy} onAdd={add} />
      <div aria-live="polite">
        {notice?.kind === 'done' && (
          <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(null)} dismissButtonAriaLabel="Close">
            <bdi>{notice.text}</bdi>
          </MessageBar>
        )}
        {notice?.kind === 'failed' && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline onDismiss={() => setNotice(null)} dismissButtonAriaLabel="Close">
            <bdi>{notice.error.message}</bdi>
          </MessageBar>
        )}
      </div>
      {list.groups.map((membership) => (
        <GroupMembers
          key={membership.group}
          membership={membership}
          currentWindowsUser={list.currentWindowsUser}
          disabled={busy}
          onRemove={(member) => askToRemove(membership.group, member)}
        />
      ))}
      {pending && (
        <RemoveMemberDialogs
          key={`${pending.group}|${pending.name}`}
          pending={pending}
          busy={busy}
          onConfirm={() => void remove(pending)}
          onCancel={() => setPending(null)}
        />
      )}
    </Stack>
  );
}
