import { Stack, Text } from '@fluentui/react';
import { useWizard } from '../../wizard/wizard-context';
import { InterruptedPlanNotice } from '../tasks/changes/plan-pages/InterruptedPlanNotice';

export function WelcomePage(): JSX.Element {
  const { strings, appInfo } = useWizard();
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <InterruptedPlanNotice />
      <Text>
        {strings.productName} is already installed and configured on this server. Select Configure to view or
        change its settings, or to run the post-installation tasks.
      </Text>
      {appInfo.target === 'lab' && (
        <Text>
          You are on the lab: a simulated sync server and a simulated {strings.cloudDirectory} tenant on this computer.
          Nothing you do here changes a real directory.
        </Text>
      )}
      <Text variant="small">Version {appInfo.version}</Text>
    </Stack>
  );
}
