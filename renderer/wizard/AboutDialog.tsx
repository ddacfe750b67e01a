import { DefaultButton, Dialog, DialogFooter, DialogType, MessageBar, MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import type { AppInfo } from '../../shared/app/app-info';
import { useDesktopApi } from '../desktop-api/DesktopApiContext';

/**
 * About and Help: what is running and where its log is. The log folder is shown as text only; opening it
 * is main's job (the page sends no path).
 */
export function AboutDialog({ appInfo, onClose }: { appInfo: AppInfo; onClose: () => void }): JSX.Element {
  const api = useDesktopApi();
  const [openFailed, setOpenFailed] = useState(false);
  const openLogFolder = async (): Promise<void> => {
    const result = await api['app:open-log-folder']({});
    setOpenFailed(!result.ok || !result.value.opened);
  };
  return (
    <Dialog
      hidden={false}
      onDismiss={onClose}
      dialogContentProps={{ type: DialogType.normal, title: `About ${appInfo.productName}` }}
      modalProps={{ isBlocking: false }}
      minWidth={480}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <Text>Version {appInfo.version}</Text>
        <Text>{appInfo.target === 'lab' ? 'Target: the lab (a simulated sync server and tenant on this computer)' : 'Target: this sync server'}</Text>
        <Text>
          When a message says the details are in the log, they are in <Text styles={{ root: { fontFamily: 'monospace' } }}>wizard.log</Text> in
          this folder:
        </Text>
        <Text styles={{ root: { fontFamily: 'monospace', wordBreak: 'break-all', userSelect: 'text' } }} data-testid="log-folder">
          {appInfo.logFolder}
        </Text>
        {appInfo.settingsNotice && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            {appInfo.settingsNotice}
          </MessageBar>
        )}
        {openFailed && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            The log folder could not be opened. Open it from File Explorer: the path is shown above.
          </MessageBar>
        )}
      </Stack>
      <DialogFooter>
        <PrimaryButton text="Open log folder" onClick={() => void openLogFolder()} />
        <DefaultButton text="Close" onClick={onClose} />
      </DialogFooter>
    </Dialog>
  );
}
