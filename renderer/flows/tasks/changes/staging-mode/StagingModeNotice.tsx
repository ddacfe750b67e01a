import { MessageBar, MessageBarType } from '@fluentui/react';
import { useRequest } from '../../../../desktop-api/use-request';

/** For the bottom of the Additional tasks page: says so when this server is in staging mode, otherwise nothing. */
export function StagingModeNotice(): JSX.Element | null {
  const { state } = useRequest('changes:get-staging-state', {});
  if (state.status !== 'done' || !state.value.enabled) return null;
  return (
    <MessageBar messageBarType={MessageBarType.info} isMultiline data-testid="staging-mode-notice">
      This server is in staging mode: it imports and synchronizes, but exports nothing. Use Configure staging mode to change it.
    </MessageBar>
  );
}
