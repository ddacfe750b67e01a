import { Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../components/native-wizard';
import { signOnMethodLabel } from '../../../../shared/native-tasks/state';
import { useRequest } from '../../../desktop-api/use-request';
import { CurrentState, factText } from './CurrentState';
import { TenantDomains } from './TenantDomains';

/** Change user sign-in: what the native task does, what is configured now (read only), and the hand-off to Azure AD Connect. */
export function UserSignInPage(): JSX.Element {
  const { state } = useRequest('native-tasks:user-sign-in', {});
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <CurrentState
        state={state}
        rows={(value) => [
          { term: 'User sign-in', value: factText(value.signOnMethod, signOnMethodLabel) },
          { term: 'Seamless single sign-on', value: factText(value.seamlessSso, (on) => (on ? 'Enabled' : 'Disabled')) },
          { term: 'Password hash synchronization', value: value.passwordHashSync ? 'Enabled on an AD connector' : 'Disabled on every AD connector' },
          { term: 'Pass-through authentication agents', value: factText(value.passThroughAgents, (agents) => agents.join(', ')) },
          { term: 'Domains', value: <TenantDomains domains={value.domains} /> },
        ]}
      />
      <NativeWizardHandOff openedFor="user-sign-in" title="Change this in Azure AD Connect">
        <Text>
          Change user sign-in switches between password hash synchronization, pass-through authentication and federation, and turns Seamless single sign-on on or off. Only pieces of it have PowerShell, so this app does not change it.
        </Text>
        <ol style={{ margin: 0, paddingLeft: 24 }}>
          <li>
            <Text>Open Azure AD Connect, select Configure, then Change user sign-in.</Text>
          </li>
          <li>
            <Text>Sign in, choose the sign-in method and single sign-on, and select Next.</Text>
          </li>
        </ol>
      </NativeWizardHandOff>
    </Stack>
  );
}
