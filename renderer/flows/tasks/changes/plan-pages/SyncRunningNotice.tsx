import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import { useEffect, useState } from 'react';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';

const pollMs = 2000;

/**
 * Shown on a change task's first page while a synchronization cycle runs: the configuration cannot be
 * changed meanwhile. The administrator can wait here (the page polls until the cycle ends) or come back later.
 */
export function SyncRunningNotice({ running, onFinished }: { running: boolean; onFinished: () => void }): JSX.Element | null {
  const api = useDesktopApi();
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!waiting || !running) return;
    let active = true;
    const timer = setInterval(() => {
      void api['changes:get-staging-state']({}).then((result) => {
        if (active && result.ok && !result.value.syncCycleInProgress) {
          setWaiting(false);
          onFinished();
        }
      });
    }, pollMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [api, waiting, running, onFinished]);

  if (!running) return null;
  return (
    <MessageBar
      messageBarType={MessageBarType.warning}
      isMultiline
      actions={
        waiting ? undefined : (
          <Stack horizontal tokens={{ childrenGap: 8 }}>
            <PrimaryButton text="Wait for it to finish" onClick={() => setWaiting(true)} />
            <DefaultButton text="Come back later" onClick={() => void api['app:exit']({})} />
          </Stack>
        )
      }
    >
      A synchronization cycle is running on this server. The configuration cannot be changed until it finishes; nothing
      has been changed. Wait here, or exit and come back later.
      {waiting && <Spinner size={SpinnerSize.small} label="Waiting for the synchronization cycle to finish…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start', marginTop: 8 } }} />}
    </MessageBar>
  );
}
