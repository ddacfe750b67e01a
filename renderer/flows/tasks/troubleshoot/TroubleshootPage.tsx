import { Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../components/native-wizard';

/** Troubleshoot object synchronization. */
export function TroubleshootPage(): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <NativeWizardHandOff openedFor="troubleshoot" title="The troubleshooting console">
        <Text>Azure AD Connect&apos;s Troubleshoot task opens a PowerShell console with the AADConnect Troubleshooting menu.</Text>
      </NativeWizardHandOff>
    </Stack>
  );
}
