import { MessageBar, MessageBarType } from '@fluentui/react';

/** For the bottom of the Additional tasks page: says so when this server is in staging mode, otherwise nothing. */
export function StagingModeNotice({ staging }: { staging: boolean }): JSX.Element | null {
  if (!staging) return null;
  return (
    <MessageBar messageBarType={MessageBarType.info} isMultiline data-testid="staging-mode-notice">
      This server is in staging mode: it imports and synchronizes, but exports nothing. Use Configure staging mode to change it.
    </MessageBar>
  );
}
