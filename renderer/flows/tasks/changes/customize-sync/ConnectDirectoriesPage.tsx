import {
  ChoiceGroup,
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  Dropdown,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  Spinner,
  Stack,
  Text,
  TextField,
} from '@fluentui/react';
import { useCallback, useEffect, useState } from 'react';
import { draftFromBaseline, readCustomizeBaseline } from './draft';
import type { AppErrorData } from '../../../../../shared/core/errors';
import type { ForestAccountAnswer } from '../../../../../shared/changes/directories';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';
import { useWizard } from '../../../../wizard/wizard-context';
import { SyncRunningNotice } from '../plan-pages/SyncRunningNotice';

function ForestAccountDialog({ forest, onClose }: { forest: string; onClose: () => void }): JSX.Element {
  const api = useDesktopApi();
  const [option, setOption] = useState<'create' | 'existing'>('create');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [answer, setAnswer] = useState<ForestAccountAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const example = forest.split('.')[0]?.toUpperCase() ?? 'DOMAIN';

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await api['changes:validate-forest-account']({ forest, option, username, password });
    setBusy(false);
    if (result.ok) setAnswer(result.value);
    else setError(result.error);
  };
  const messageFor = (field: 'username' | 'password'): string | undefined => (answer?.field === field ? (answer.message ?? undefined) : undefined);

  return (
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{ type: DialogType.normal, title: 'AD forest account', subText: `Select the account the wizard uses to connect to ${forest}.` }}
      modalProps={{ isBlocking: true }}
      minWidth={520}
    >
      <Stack tokens={{ childrenGap: 12 }}>
        <ChoiceGroup
          label="AD forest account"
          selectedKey={option}
          options={[
            { key: 'create', text: 'Create new AD account' },
            { key: 'existing', text: 'Use existing AD account' },
          ]}
          onChange={(_event, choice) => {
            setOption(choice?.key === 'existing' ? 'existing' : 'create');
            setAnswer(null);
          }}
        />
        <Text variant="small">
          {option === 'create'
            ? `Enter the credentials of an Enterprise Administrator of ${forest}, e.g. ${example}\\administrator. The wizard creates the AD forest account with them.`
            : `Enter an existing account with the permissions for synchronization, e.g. ${example}\\syncuser. It must not be an Enterprise or Domain administrator.`}
        </Text>
        <TextField label="USERNAME" value={username} onChange={(_event, value) => setUsername(value ?? '')} errorMessage={messageFor('username')} autoComplete="off" />
        <TextField label="PASSWORD" type="password" canRevealPassword={false} value={password} onChange={(_event, value) => setPassword(value ?? '')} errorMessage={messageFor('password')} autoComplete="off" />
        {answer?.field === 'forest' && <MessageBar messageBarType={MessageBarType.error} isMultiline>{answer.message}</MessageBar>}
        {error && <MessageBar messageBarType={MessageBarType.error}>{error.message}</MessageBar>}
      </Stack>
      <DialogFooter>
        <PrimaryButton text="OK" disabled={busy} onClick={() => void submit()} />
        <DefaultButton text="Cancel" onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}

/** Connect your directories: the configured forests; Add Directory asks for the AD forest account. */
export function ConnectDirectoriesPage(): JSX.Element {
  const api = useDesktopApi();
  const { ctx, update } = useWizard();
  const [error, setError] = useState<AppErrorData | null>(null);
  const [generation, setGeneration] = useState(0);
  const [forest, setForest] = useState('');
  const [forestMessage, setForestMessage] = useState<string | undefined>(undefined);
  const [dialogFor, setDialogFor] = useState<string | null>(null);
  const draft = ctx.customize;

  useEffect(() => {
    if (draft !== null) return;
    let current = true;
    void readCustomizeBaseline(api)
      .then((result) => {
        if (!current) return;
        if (!result.ok) return setError(result.error);
        setError(null);
        update((context) => ({ ...context, customize: context.customize ?? draftFromBaseline(result.value) }));
      })
      .catch((error: unknown) => {
        if (current) setError({ code: 'INTERNAL', message: String(error) });
      });
    return () => {
      current = false;
    };
  }, [api, draft, update, generation]);

  const onSyncFinished = useCallback(
    () => update((context) => (context.customize ? { ...context, customize: { ...context.customize, run: { ...context.customize.run, syncRunning: false } } } : context)),
    [update],
  );

  if (error) {
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline actions={<DefaultButton text="Try again" onClick={() => setGeneration((value) => value + 1)} />}>
        The configuration of this server could not be read: {error.message}
      </MessageBar>
    );
  }
  if (!draft) return <Spinner label="Reading the configured directories…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />;

  const configured = draft.baseline.directories;
  const addDirectory = (): void => {
    const name = forest.trim();
    if (name === '') return setForestMessage('Enter the name of the forest.');
    if (configured.some((directory) => directory.forest.toLowerCase() === name.toLowerCase())) return setForestMessage(`The directory ${name} is already configured.`);
    setForestMessage(undefined);
    setDialogFor(name);
  };

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <SyncRunningNotice running={draft.run.syncRunning} onFinished={onSyncFinished} />
      <Text>Enter connection information for your on-premises directories or forests.</Text>
      <Stack horizontal tokens={{ childrenGap: 12 }} verticalAlign="end" wrap>
        <Dropdown label="DIRECTORY TYPE" options={[{ key: 'ad', text: 'Active Directory' }]} selectedKey="ad" disabled styles={{ root: { width: 200 } }} />
        <TextField label="FOREST" value={forest} onChange={(_event, value) => setForest(value ?? '')} errorMessage={forestMessage} styles={{ root: { width: 260 } }} />
        <DefaultButton text="Add Directory" onClick={addDirectory} />
      </Stack>
      <Stack tokens={{ childrenGap: 4 }}>
        <Text variant="mediumPlus" as="h2" styles={{ root: { fontWeight: 600, margin: 0 } }}>
          Configured directories
        </Text>
        <ul aria-label="Configured directories" style={{ margin: 0, paddingLeft: 20 }}>
          {configured.map((directory) => (
            <li key={directory.connectorName}>
              <Text>
                {directory.forest} (Active Directory) — {directory.partitions.length} {directory.partitions.length === 1 ? 'domain' : 'domains'}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
      {dialogFor && <ForestAccountDialog forest={dialogFor} onClose={() => setDialogFor(null)} />}
    </Stack>
  );
}
