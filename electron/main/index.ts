import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { productStrings, defaultBranding } from '../../shared/branding';
import { createElectronIpcHost } from '../ipc/electron-host';
import { registerHandlers } from '../ipc/register';
import { isTrustedSender } from '../ipc/trusted-sender';
import { composeApp, type ComposedApp } from './composition';
import { hardenSession, hardenWebContents } from './harden';
import { consoleLogger } from './logger';
import { rendererFileFor } from './renderer-files';
import { appEntryUrl, appScheme, isAllowedExternalUrl } from './security-policy';
import { enforceSingleInstance } from './single-instance';
import { mainWindowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let composed: ComposedApp | undefined;

const focusMainWindow = (): void => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
};

async function start(): Promise<void> {
  const strings = productStrings[defaultBranding];
  const rendererFolder = path.join(__dirname, '..', 'renderer');
  hardenSession(session.defaultSession);
  protocol.handle(appScheme, (request) => {
    const file = rendererFileFor(request.url, rendererFolder);
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('Not found', { status: 404 });
  });

  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, '..', 'preload', 'index.cjs'), strings.windowTitle));
  mainWindow = window;
  hardenWebContents(window.webContents, (url) => void shell.openExternal(url));

  composed = await composeApp({
    target: { kind: 'lab', branding: defaultBranding, dataFolder: app.getPath('userData') },
    version: app.getVersion(),
    platform: process.platform,
    shell: {
      openExternal: async (url) => {
        if (isAllowedExternalUrl(url)) await shell.openExternal(url);
      },
      exit: async () => {
        window.close();
        return true;
      },
    },
  });
  const host = createElectronIpcHost(ipcMain, (event) => isTrustedSender(event, mainWindow?.webContents.id));
  registerHandlers(host, composed.handlers, consoleLogger);

  window.once('ready-to-show', () => window.show());
  await window.loadURL(appEntryUrl);
}

if (enforceSingleInstance(app, focusMainWindow)) {
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void composed?.dispose());
  app.whenReady().then(start, (error: unknown) => {
    consoleLogger.error('[main] start failed', error);
    app.exit(1);
  });
}
