import { Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../components/native-wizard';
import { useRequest } from '../../../desktop-api/use-request';
import { CurrentState, factText } from './CurrentState';

/** Privacy settings: what the native task does, what is configured now (read only), and the hand-off to Azure AD Connect. */
export function PrivacyPage(): JSX.Element {
  const { state } = useRequest('native-tasks:privacy', {});
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <CurrentState
        state={state}
        rows={(value) => [
          {
            term: 'Application telemetry',
            value: factText(value.telemetry, (telemetry) => `${telemetry} (the undocumented registry value ApplicationTelemetry; read only)`),
          },
        ]}
      />
      <NativeWizardHandOff openedFor="privacy" title="Change this in Azure AD Connect">
        <Text>
          Privacy settings shows what application telemetry this server shares with Microsoft and lets you turn it off. Microsoft documents no setting, registry value or cmdlet for it, so this app does not change it.
        </Text>
        <ol style={{ margin: 0, paddingLeft: 24 }}>
          <li>
            <Text>Open Azure AD Connect, select Configure, then Privacy settings.</Text>
          </li>
          <li>
            <Text>Sign in, choose whether to share telemetry, and select Next, then Configure.</Text>
          </li>
        </ol>
      </NativeWizardHandOff>
    </Stack>
  );
}
