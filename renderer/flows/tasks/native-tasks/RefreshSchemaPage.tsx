import { Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../components/native-wizard';
import { useRequest } from '../../../desktop-api/use-request';
import { CurrentState } from './CurrentState';

/** Refresh directory schema: what the native task does, what is configured now (read only), and the hand-off to Azure AD Connect. */
export function RefreshSchemaPage(): JSX.Element {
  const { state } = useRequest('native-tasks:refresh-schema', {});
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <CurrentState
        state={state}
        rows={(value) =>
          value.forests.map((forest) => ({
            term: forest.connectorName,
            value: `${forest.partitions.map((partition) => `${partition.dn} (${partition.selected ? 'selected' : 'not selected'})`).join('; ')}${forest.lastModificationTime ? `. Connector last changed ${new Date(forest.lastModificationTime).toLocaleString()}` : ''}.`,
          }))}
      />
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
