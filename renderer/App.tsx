import { MessageBar, MessageBarType, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import { useRequest } from './desktop-api/use-request';
import { Wizard } from './wizard/Wizard';

/** Loads what the app is (branding, target) and starts the wizard. */
export function App(): JSX.Element {
  const { state } = useRequest('app:get-info', {});
  if (state.status === 'loading') {
    return (
      <Stack verticalFill verticalAlign="center" styles={{ root: { height: '100vh' } }}>
        <Spinner size={SpinnerSize.large} label="Starting the wizard..." />
      </Stack>
    );
  }
  if (state.status === 'failed') {
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline>
        The wizard could not start: {state.error.message}
      </MessageBar>
    );
  }
  return <Wizard appInfo={state.value} />;
}
