import { Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../components/native-wizard';
import { useRequest } from '../../../desktop-api/use-request';
import { CurrentState, factText } from './CurrentState';

/** Configure device options: what the native task does, what is configured now (read only), and the hand-off to Azure AD Connect. */
export function DeviceOptionsPage(): JSX.Element {
  const { state } = useRequest('native-tasks:device-options', {});
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <CurrentState
        state={state}
        rows={(value) => [
          {
            term: 'Device writeback',
            value: factText(value.deviceWriteback, (writeback) =>
              writeback.enabled ? `Enabled${writeback.forest ? ` (forest ${writeback.forest}` : ''}${writeback.container ? `, container ${writeback.container})` : writeback.forest ? ')' : ''}` : 'Disabled',
            ),
          },
          { term: 'Device writeback in the tenant', value: factText(value.tenantDeviceWriteback, (on) => (on ? 'Enabled' : 'Disabled')) },
          { term: 'Hybrid Azure AD join', value: factText(value.serviceConnectionPoint, (scp) => scp) },
        ]}
      />
      <NativeWizardHandOff openedFor="device-options" title="Change this in Azure AD Connect">
        <Text>
          Configure device options sets up hybrid Azure AD join (the service connection point of each forest) and device writeback. Its Azure AD and engine half has no documented PowerShell, so this app only shows what is configured.
        </Text>
        <ol style={{ margin: 0, paddingLeft: 24 }}>
          <li>
            <Text>Open Azure AD Connect, select Configure, then Configure device options.</Text>
          </li>
          <li>
            <Text>Sign in, then choose Configure Hybrid Azure AD join, Configure device writeback or Disable device writeback.</Text>
          </li>
        </ol>
      </NativeWizardHandOff>
    </Stack>
  );
}
