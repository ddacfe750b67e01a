import { Dropdown, PrimaryButton, Spinner, Stack, TextField, type IDropdownOption } from '@fluentui/react';
import { useState, type FormEvent } from 'react';
import { adSyncGroupNames, type AdSyncGroupName } from '../../../../shared/sync-server';
import { checkAccountName } from '../../../../shared/sync-admins/account-name';

const groupOptions: IDropdownOption[] = adSyncGroupNames.map((group) => ({ key: group, text: group }));

interface Props {
  readonly busy: boolean;
  /** Resolves true when the member was added (the field is then cleared). */
  readonly onAdd: (group: AdSyncGroupName, accountName: string) => Promise<boolean>;
}

const isGroupName = (key: string | number | undefined): key is AdSyncGroupName => adSyncGroupNames.some((group) => group === key);

/** The group and the account name to add; the name is checked for emptiness and length only. */
export function AddMemberForm({ busy, onAdd }: Props): JSX.Element {
  const [group, setGroup] = useState<AdSyncGroupName>('ADSyncAdmins');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = checkAccountName(text);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem(undefined);
    if (await onAdd(group, checked.name)) setText('');
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Add a member">
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="start">
        <Dropdown
          label="Group"
          options={groupOptions}
          selectedKey={group}
          onChange={(_event, option) => {
            if (option && isGroupName(option.key)) setGroup(option.key);
          }}
          styles={{ root: { width: 200 } }}
        />
        <TextField
          label="Account name"
          value={text}
          onChange={(_event, value) => {
            setText(value ?? '');
            if (problem) setProblem(undefined);
          }}
          description="DOMAIN\user, user@domain, or a local account name"
          errorMessage={problem}
          spellCheck={false}
          autoComplete="off"
          styles={{ root: { width: 340 } }}
        />
        <Stack.Item styles={{ root: { paddingTop: 29 } }}>
          <PrimaryButton type="submit" text="Add" disabled={busy} />
        </Stack.Item>
        {busy && (
          <Stack.Item styles={{ root: { paddingTop: 34 } }}>
            <Spinner label="Working…" labelPosition="right" />
          </Stack.Item>
        )}
      </Stack>
    </form>
  );
}
