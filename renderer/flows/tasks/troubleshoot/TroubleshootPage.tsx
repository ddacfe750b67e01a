import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField } from '@fluentui/react';
import { FactList } from '../../../components/fact-list';
import { useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import { troubleshootIdentitySchema, type TroubleshootResult } from '../../../../shared/troubleshoot/request';
import type { SingleObjectSyncResult } from '../../../../shared/sync-server/objects';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';
import { AttributeFlowTable } from './AttributeFlowTable';
import { PasswordSyncDiagnostics } from './PasswordSyncDiagnostics';

const heading = { root: { fontWeight: 600, margin: 0 } } as const;

const barType = (result: TroubleshootResult): MessageBarType => {
  if (result.explanation.reachesAzureAd) return MessageBarType.success;
  if (result.explanation.error) return MessageBarType.error;
  return MessageBarType.warning;
};

/** The objects the answer came from, so the administrator can find them in Synchronization Service Manager. */
function ObjectsRead({ result }: { readonly result: TroubleshootResult }): JSX.Element {
  const { path } = result;
  const rows: [string, string][] = [
    ...path.adObjects.map((object): [string, string] => [`AD connector space (${object.connectorName})`, object.distinguishedName]),
    ['Metaverse', path.mvObject ? path.mvObject.objectId : 'No object'],
    [path.aadObject ? `Azure AD connector space (${path.aadObject.connectorName})` : 'Azure AD connector space', path.aadObject ? path.aadObject.distinguishedName : 'No object'],
  ];
  if (path.adObjects.length === 0) rows.unshift(['AD connector space', 'No object']);
  return (
    <FactList label="Objects read" facts={rows.map(([term, value]) => ({ term, value: <Text>{value}</Text> }))} />
  );
}

/**
 * Troubleshoot object synchronization: a DN or a UPN, then in plain words why the object does or does not
 * reach Azure AD, the objects read, the attribute flow, and password hash sync diagnostics. Reads only.
 */
export function TroubleshootPage(): JSX.Element {
  const api = useDesktopApi();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TroubleshootResult | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [synced, setSynced] = useState<SingleObjectSyncResult | null>(null);

  const look = async (identity: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setResult(null);
    const answer = await api['troubleshoot:object']({ identity });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = troubleshootIdentitySchema.safeParse(text);
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? 'Enter a distinguished name or a user principal name.');
      return;
    }
    setProblem(undefined);
    setSynced(null);
    await look(checked.data);
  };

  // Changes the server: only on this button. The object is read again afterwards.
  const syncNow = async (distinguishedName: string, identity: string): Promise<void> => {
    setBusy(true);
    setError(null);
    const answer = await api['troubleshoot:sync-now']({ distinguishedName });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setSynced(answer.value);
    await look(identity);
  };

  return (
    <Stack tokens={{ childrenGap: 20 }}>
      <Text>
        Finds the object in the AD connector space, the metaverse and the Azure AD connector space, and says why it does or does not reach Azure AD.
        Nothing on the server changes.
      </Text>
      <form onSubmit={(event) => void submit(event)} aria-label="Troubleshoot an object">
        <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="start">
          <TextField
            label="Distinguished name or user principal name"
            value={text}
            onChange={(_event, value) => {
              setText(value ?? '');
              if (problem) setProblem(undefined);
            }}
            description="CN=…,OU=…,DC=… or user@domain"
            errorMessage={problem}
            spellCheck={false}
            autoComplete="off"
            styles={{ root: { width: 520 } }}
          />
          <Stack.Item styles={{ root: { paddingTop: 29 } }}>
            <PrimaryButton type="submit" text="Troubleshoot" disabled={busy} />
          </Stack.Item>
        </Stack>
      </form>
      {busy && <Spinner label="Reading the object…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />}
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {error.message}
        </MessageBar>
      )}
      {result && (
        <Stack tokens={{ childrenGap: 12 }} data-testid="troubleshoot-result" data-verdict={result.explanation.verdict}>
          <MessageBar messageBarType={barType(result)} isMultiline>
            {result.explanation.headline}
          </MessageBar>
          {result.explanation.details.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 24 }}>
              {result.explanation.details.map((line) => (
                <li key={line}>
                  <Text>{line}</Text>
                </li>
              ))}
            </ul>
          )}
          <Text as="h2" variant="mediumPlus" styles={heading}>
            Objects read
          </Text>
          <ObjectsRead result={result} />
          {result.explanation.flow.length > 0 && <AttributeFlowTable rows={result.explanation.flow} />}
          {result.singleObjectSyncAvailable && result.path.distinguishedName !== null && (
            <Stack tokens={{ childrenGap: 4 }}>
              <Text>
                Sync this object now runs an import, a synchronization and an export for this object alone (Invoke-ADSyncSingleObjectSync). The
                scheduler&apos;s cycles are off while it runs and turned back on afterwards. It changes Azure AD when the object has changes to export.
              </Text>
              <Stack horizontal>
                <DefaultButton
                  text="Sync this object now"
                  disabled={busy}
                  onClick={() => {
                    const dn = result.path.distinguishedName;
                    if (dn !== null) void syncNow(dn, result.identity);
                  }}
                />
              </Stack>
            </Stack>
          )}
        </Stack>
      )}
      {synced && (
        <Stack tokens={{ childrenGap: 4 }} data-testid="sync-now-result">
          <MessageBar messageBarType={synced.status === 'Success' ? MessageBarType.success : MessageBarType.error} isMultiline>
            {`Sync this object now: ${synced.status ?? 'unknown'}${synced.action ? ` (${synced.action})` : ''}${synced.errorCode ? `: ${synced.errorCode}` : ''}${synced.reason ? `. ${synced.reason}` : '.'}${synced.recommendedAction ? ` ${synced.recommendedAction}` : ''}`}
          </MessageBar>
          <ul style={{ margin: 0, paddingLeft: 24 }}>
            {synced.steps.map((step, index) => (
              <li key={`${step.name ?? 'step'}-${index}`}>
                <Text>{`${step.name ?? 'Step'}: ${step.status ?? 'unknown'}${step.description ? ` (${step.description})` : ''}`}</Text>
              </li>
            ))}
          </ul>
        </Stack>
      )}
      <PasswordSyncDiagnostics userLog={result ? { available: result.path.passwordSyncLogAvailable, entry: result.path.passwordSyncLog, identity: result.identity } : null} />
    </Stack>
  );
}
