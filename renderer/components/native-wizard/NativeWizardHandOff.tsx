import { DefaultButton, MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { useState, type ReactNode } from 'react';
import type { AppErrorData } from '../../../shared/core/errors';
import { nativeWizardSignInWarning, type NativeWizardLaunch } from '../../../shared/native-wizard/topic';
import { useDesktopApi } from '../../desktop-api/DesktopApiContext';

export interface NativeWizardHandOffProps {
  /** What the wizard is opened for: the task id, and ":feature" for one feature of it. */
  readonly openedFor: string;
  /** Why this is left to the native wizard, in words for the administrator. */
  readonly children?: ReactNode;
  /** Microsoft.Synchronize.ServerConfigurationVersion, to warn when that build's wizard cannot sign in. */
  readonly serverVersion?: string | null;
  /** A heading above the reason; omitted in the compact form used under a checkbox. */
  readonly title?: string;
}

const timeOf = (iso: string): string => new Date(iso).toLocaleTimeString();

/**
 * Hands a task or a feature off to the native wizard: the reason, and a button that opens Azure AD Connect
 * (AzureADConnect.exe) on this server; on the lab the launch is recorded and the page says when.
 */
export function NativeWizardHandOff({ openedFor, children, serverVersion = null, title }: NativeWizardHandOffProps): JSX.Element {
  const api = useDesktopApi();
  const [busy, setBusy] = useState(false);
  const [launch, setLaunch] = useState<NativeWizardLaunch | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const signInWarning = nativeWizardSignInWarning(serverVersion);

  const open = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await api['native-wizard:open']({ openedFor });
    setBusy(false);
    if (result.ok) setLaunch(result.value);
    else setError(result.error);
  };

  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="native-wizard-hand-off" data-opened-for={openedFor}>
      {title && (
        <Text as="h2" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
          {title}
        </Text>
      )}
      {children}
      {signInWarning && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {signInWarning}
        </MessageBar>
      )}
      <Stack horizontal tokens={{ childrenGap: 12 }} verticalAlign="center" wrap>
        <DefaultButton text="Open Azure AD Connect" iconProps={{ iconName: 'OpenInNewWindow' }} disabled={busy} onClick={() => void open()} />
        {launch && (
          <Text role="status">
            {launch.recordedByLab
              ? `Opened Azure AD Connect (lab: recorded at ${timeOf(launch.launchedAtUtc)})`
              : `Opened Azure AD Connect at ${timeOf(launch.launchedAtUtc)}. Finish the change there, then come back.`}
          </Text>
        )}
      </Stack>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {error.message}
        </MessageBar>
      )}
    </Stack>
  );
}
