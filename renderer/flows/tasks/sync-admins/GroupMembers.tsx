import { DefaultButton, DetailsList, DetailsListLayoutMode, MessageBar, MessageBarType, SelectionMode, Stack, Text, type IColumn } from '@fluentui/react';
import type { GroupMembership, SyncAdminsMember } from '../../../../shared/sync-admins/members';
import { groupRights } from './group-rights';
import { isSameAccount } from './same-account';

interface Props {
  readonly membership: GroupMembership;
  readonly currentWindowsUser: string | null;
  readonly disabled: boolean;
  readonly onRemove: (member: SyncAdminsMember) => void;
}

/** One ADSync group: what it may do, and its members with a Remove button each. */
export function GroupMembers({ membership, currentWindowsUser, disabled, onRemove }: Props): JSX.Element {
  const { group, members, error } = membership;
  const columns: IColumn[] = [
    {
      key: 'name',
      name: 'Name',
      minWidth: 220,
      maxWidth: 360,
      isResizable: true,
      // dir=auto keeps a right-to-left account name readable inside the left-to-right page.
      onRender: (member: SyncAdminsMember) => <bdi>{member.name}</bdi>,
    },
    { key: 'type', name: 'Type', minWidth: 60, maxWidth: 80, onRender: (member: SyncAdminsMember) => member.objectClass ?? '—' },
    { key: 'source', name: 'Source', minWidth: 110, maxWidth: 140, onRender: (member: SyncAdminsMember) => member.principalSource ?? '—' },
    {
      key: 'note',
      name: 'Note',
      minWidth: 150,
      maxWidth: 200,
      onRender: (member: SyncAdminsMember) => (isSameAccount(member.name, currentWindowsUser) ? 'The account running this wizard' : ''),
    },
    {
      key: 'actions',
      name: 'Actions',
      minWidth: 90,
      maxWidth: 100,
      onRender: (member: SyncAdminsMember) => (
        <DefaultButton
          text="Remove"
          ariaLabel={`Remove ${member.name} from ${group}`}
          disabled={disabled}
          onClick={() => onRemove(member)}
          styles={{ root: { height: 26, minWidth: 72 } }}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby={`group-${group}`}>
      <Stack tokens={{ childrenGap: 6 }}>
        <Text as="h2" id={`group-${group}`} variant="large" styles={{ root: { fontWeight: 600, margin: '8px 0 0' } }}>
          {group}
        </Text>
        <Text>{groupRights[group]}</Text>
        {error ? (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            The members of {group} could not be read: {error.message}
          </MessageBar>
        ) : members.length === 0 ? (
          <Text styles={{ root: { color: '#605e5c' } }}>No members.</Text>
        ) : (
          <DetailsList
            items={[...members]}
            columns={columns}
            getKey={(member: SyncAdminsMember) => member.sid ?? member.name}
            selectionMode={SelectionMode.none}
            layoutMode={DetailsListLayoutMode.justified}
            compact
            ariaLabelForGrid={`Members of ${group}`}
            onShouldVirtualize={() => false}
          />
        )}
      </Stack>
    </section>
  );
}
