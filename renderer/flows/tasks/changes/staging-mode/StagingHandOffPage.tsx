import { DefaultButton, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import type { StagingState } from '../../../../../shared/changes/staging';
import type { AppErrorData } from '../../../../../shared/core/errors';
import { NativeWizardHandOff } from '../../../../components/native-wizard';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';
import { useWizard } from '../../../../wizard/wizard-context';
import { FollowingFeatures } from './StagingModePage';

/**
 * The staging switch is made in the native wizard, its supported writer, which also moves password hash
 * sync and password writeback with it. This page opens it, then reads back what governs the switch.
 */
export function StagingHandOffPage(): JSX.Element {
  const api = useDesktopApi();
  const { ctx } = useWizard();
  const [checked, setChecked] = useState<StagingState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const staging = ctx.staging;
  if (!staging) return <MessageBar messageBarType={MessageBarType.error}>The staging state has not been read. Select Previous.</MessageBar>;
  const wanted = staging.enabled;
  const word = wanted ? 'Enable' : 'Disable';

  const check = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await api['changes:get-staging-state']({});
    setBusy(false);
    if (result.ok) setChecked(result.value);
    else setError(result.error);
  };

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <NativeWizardHandOff openedFor="staging-mode" serverVersion={staging.state.serverVersion} title={`${word} staging mode in Azure AD Connect`}>
        <Text>
          Azure AD Connect&apos;s Configure staging mode task is the supported way to change staging mode. Besides the setting it turns
          password hash synchronization and password writeback {wanted ? 'off' : 'back on'} on this server, which no documented PowerShell
          does, so this app does not change staging mode itself.
        </Text>
        <ol style={{ margin: 0, paddingLeft: 24 }}>
          <li>
            <Text>Open Azure AD Connect and select Configure, then Configure staging mode.</Text>
          </li>
          <li>
            <Text>Sign in, {wanted ? 'select' : 'clear'} Enable staging mode, and select Next.</Text>
          </li>
          <li>
            <Text>Keep Start the synchronization process when configuration completes selected, and select Configure.</Text>
          </li>
        </ol>
      </NativeWizardHandOff>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text>When the wizard has finished, check this server:</Text>
        <Stack horizontal>
          <DefaultButton text="Check the server again" disabled={busy} onClick={() => void check()} />
        </Stack>
        {busy && <Spinner label="Reading the staging state…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />}
        {error && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            The staging state could not be read: {error.message}
          </MessageBar>
        )}
        {checked && (
          <Stack tokens={{ childrenGap: 8 }} data-testid="staging-read-back">
            <MessageBar messageBarType={checked.enabled === wanted ? MessageBarType.success : MessageBarType.info} isMultiline>
              {checked.enabled === wanted
                ? `Done: staging mode is ${wanted ? 'enabled' : 'disabled'} on this server (Get-ADSyncScheduler: StagingModeEnabled is ${String(checked.enabled)}).`
                : `Not yet: staging mode is still ${checked.enabled ? 'enabled' : 'disabled'} on this server (Get-ADSyncScheduler: StagingModeEnabled is ${String(checked.enabled)}).`}
            </MessageBar>
            <FollowingFeatures state={checked} />
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
