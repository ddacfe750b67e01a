import { Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../components/native-wizard';
import { signOnMethodLabel } from '../../../../shared/native-tasks/state';
import { useRequest } from '../../../desktop-api/use-request';
import { CurrentState, factText } from './CurrentState';
import { TenantDomains } from './TenantDomains';

/** Manage federation: what the native task does, what is configured now (read only), and the hand-off to Azure AD Connect. */
export function FederationPage(): JSX.Element {
  const { state } = useRequest('native-tasks:federation', {});
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <CurrentState
        state={state}
        rows={(value) => [
          { term: 'User sign-in', value: factText(value.signOnMethod, signOnMethodLabel) },
          { term: 'Domains', value: <TenantDomains domains={value.domains} /> },
        ]}
      />
      <NativeWizardHandOff openedFor="federation" title="Change this in Azure AD Connect">
        <Text>
          Manage federation renews AD FS certificates, adds federation and Web Application Proxy servers, repairs the trust and verifies federated sign-in, for AD FS farms Azure AD Connect deployed. None of it has documented PowerShell on the Azure AD side.
        </Text>
        <ol style={{ margin: 0, paddingLeft: 24 }}>
          <li>
            <Text>Open Azure AD Connect, select Configure, then Manage federation.</Text>
          </li>
          <li>
            <Text>Sign in and choose the federation task.</Text>
          </li>
        </ol>
      </NativeWizardHandOff>
    </Stack>
  );
}
