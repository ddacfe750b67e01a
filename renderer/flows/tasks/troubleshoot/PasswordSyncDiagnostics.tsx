import { MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import type { PasswordSyncLogEntry } from '../../../../shared/sync-server/objects';
import { useRequest } from '../../../desktop-api/use-request';

interface Props {
  /** The last troubleshot user's password sync log; null before one was troubleshot. */
  readonly userLog: { readonly available: boolean; readonly entry: PasswordSyncLogEntry | null; readonly identity: string } | null;
}

const neverRan = (iso: string | null): boolean => iso === null || iso.startsWith('0001-01-01');
const when = (iso: string | null): string => (neverRan(iso) || iso === null ? 'never' : new Date(iso).toLocaleString());

/** Password hash synchronization per AD connector, and the last result for the user troubleshot (where the build says). */
export function PasswordSyncDiagnostics({ userLog }: Props): JSX.Element {
  const { state } = useRequest('troubleshoot:password-sync', {});
  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="password-sync-diagnostics">
      <Text as="h2" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
        Password hash synchronization
      </Text>
      {state.status === 'loading' && <Spinner label="Reading password hash synchronization…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />}
      {state.status === 'failed' && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {state.error.message}
        </MessageBar>
      )}
      {state.status === 'done' &&
        state.value.connectors.map((connector) => (
          <Stack key={connector.connectorName} tokens={{ childrenGap: 4 }}>
            <Text>
              {connector.connectorName}: password hash synchronization is {connector.enabled ? 'enabled' : 'disabled'}.
            </Text>
            <ul style={{ margin: 0, paddingLeft: 24 }}>
              {connector.partitions.map((partition) => (
                <li key={partition.dn}>
                  <Text>
                    {partition.dn}: last successful cycle {when(partition.lastSuccessfulEnd)}; last cycle {partition.lastCycleStatus ?? 'unknown'}
                    {neverRan(partition.lastCycleEnd) ? '' : ` at ${when(partition.lastCycleEnd)}`}.
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        ))}
      {userLog &&
        (userLog.available ? (
          <Text data-testid="password-sync-user">
            {userLog.entry
              ? `Last password sync for ${userLog.identity}: ${userLog.entry.status ?? 'unknown'}${userLog.entry.timeStamp ? ` at ${when(userLog.entry.timeStamp)}` : ''}${userLog.entry.details ? ` (${userLog.entry.details})` : ''}.`
              : `No password sync is recorded for ${userLog.identity}.`}
          </Text>
        ) : (
          <Text data-testid="password-sync-user">
            Not readable on this server: the last password sync of one user (Get-ADSyncCSObjectLog is not in this build of Azure AD Connect).
          </Text>
        ))}
    </Stack>
  );
}
