import './fluent/fabric-config';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import './wizard/frame.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppInfo } from '../shared/app/app-info';
import { fail, type Result } from '../shared/core/result';
import { App } from './App';
import { DesktopApiProvider } from './desktop-api/DesktopApiContext';

/** Main answers what the app is within milliseconds: only a slower answer shows "Starting the wizard" first. */
const spinnerAfterMs = 200;

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const root = createRoot(container);

function render(appInfo: Result<AppInfo> | null): void {
  root.render(
    <StrictMode>
      <DesktopApiProvider api={window.connect}>
        <App appInfo={appInfo} />
      </DesktopApiProvider>
    </StrictMode>,
  );
}

// Welcome is the first thing drawn: a spinner drawn and painted first would delay it by a frame or more.
const spinner = window.setTimeout(() => render(null), spinnerAfterMs);
void Promise.resolve()
  // Inside the chain, so a bridge that is missing or throws shows as "could not start", not a spinner for good.
  .then(() => window.connect['app:get-info']({}))
  .catch((error: unknown) => fail({ code: 'INTERNAL', message: String(error) }))
  .then((appInfo) => {
    window.clearTimeout(spinner);
    render(appInfo);
  });
