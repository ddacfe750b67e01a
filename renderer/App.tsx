import type { AppInfo } from '../shared/app/app-info';
import type { Result } from '../shared/core/result';
import { FrameMessage, FrameSpinner } from './wizard/FrameControls';
import { Wizard } from './wizard/Wizard';

/** The wizard, once main has said what the app is (branding, target); null while it has not answered. */
export function App({ appInfo }: { appInfo: Result<AppInfo> | null }): JSX.Element {
  if (appInfo === null) return <FrameSpinner label="Starting the wizard..." fullPage />;
  if (!appInfo.ok) return <FrameMessage kind="error">The wizard could not start: {appInfo.error.message}</FrameMessage>;
  return <Wizard appInfo={appInfo.value} />;
}
