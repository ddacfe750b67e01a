import { Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../components/native-wizard';

/** refresh-schema: what the native task does, what is configured now (read only), and the hand-off to Azure AD Connect. */
export function RefreshSchemaPage(): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <NativeWizardHandOff openedFor="refresh-schema" title="Change this in Azure AD Connect">
        <Text>
          Refresh directory schema reads the schema of each connected forest again and regenerates the synchronization rules, for example after Exchange extended the schema. Sync Service Manager’s Refresh Schema is not supported for this, and no cmdlet regenerates the rules.
        </Text>
        <ol style={{ margin: 0, paddingLeft: 24 }}>
          <li>
            <Text>Open Azure AD Connect, select Configure, then Refresh directory schema.</Text>
          </li>
          <li>
            <Text>Sign in, keep the forests to refresh selected, and select Next, then Configure.</Text>
          </li>
        </ol>
      </NativeWizardHandOff>
    </Stack>
  );
}
