import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultBranding, productStrings } from '../../shared/core/branding';
import { createElectronIpcHost } from '../ipc/electron-host';
import { registerHandlers } from '../ipc/register';
import { isTrustedSender } from '../ipc/trusted-sender';
import { cliArguments, runPackagedCli } from './cli-mode';
import { composeApp, type ComposedApp } from './composition';
import { electronFileDialogs } from './electron-dialogs';
import { hardenSession, hardenWebContents } from './harden';
import { consoleLogger } from './logger';
import { rendererFileFor } from './renderer-files';
import { appEntryUrl, appScheme, isAllowedExternalUrl } from './security-policy';
import { loadSettings } from './settings';
import { enforceSingleInstance } from './single-instance';
import { defaultTargetKind, type TargetConfig } from './target-config';
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

/** The lab package: `lab/` of the repository in development; the packaged app does not ship it. */
function labPackageFolder(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'lab') : path.join(app.getAppPath(), 'lab');
}

function assetsFolder(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(app.getAppPath(), 'assets');
}

/** `--lab-profile <name>`: the lab sync server's profile for a new lab folder (development only). */
function labProfileArgument(): string | undefined {
  const index = process.argv.indexOf('--lab-profile');
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function resolveTarget(): Promise<TargetConfig> {
  const userData = app.getPath('userData');
  const { settings, problem } = await loadSettings(path.join(userData, 'settings.json'));
  if (problem) consoleLogger.warn(`[settings] ignored: ${problem}`);
  const kind = settings.target ?? defaultTargetKind(app.isPackaged, process.platform);
  const labProfile = labProfileArgument();
  return {
    kind,
    branding: settings.branding ?? defaultBranding,
    dataFolder: kind === 'lab' ? path.join(userData, 'lab') : userData,
    assetsFolder: assetsFolder(),
    labPackageFolder: labPackageFolder(),
    platform: process.platform,
    settings,
    ...(labProfile ? { labProfile } : {}),
  };
}

async function start(): Promise<void> {
  const target = await resolveTarget();
  const rendererFolder = path.join(__dirname, '..', 'renderer');
  hardenSession(session.defaultSession);
  protocol.handle(appScheme, (request) => {
    const file = rendererFileFor(request.url, rendererFolder);
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('Not found', { status: 404 });
  });

  const preload = path.join(__dirname, '..', 'preload', 'index.cjs');
  const window = new BrowserWindow(mainWindowOptions(preload, productStrings[target.branding].windowTitle));
  mainWindow = window;
  hardenWebContents(window.webContents, (url) => void shell.openExternal(url));

  composed = await composeApp({
    target,
    version: app.getVersion(),
    logger: consoleLogger,
    dialogs: electronFileDialogs(() => mainWindow),
    shell: {
      openExternal: async (url) => {
        if (isAllowedExternalUrl(url)) await shell.openExternal(url);
      },
      openSignInPage: (url) => shell.openExternal(url),
      exit: async () => {
        window.close();
        return true;
      },
    },
  });
  const host = createElectronIpcHost(ipcMain, (event) => isTrustedSender(event, mainWindow?.webContents.id));
  registerHandlers(host, composed.handlers, consoleLogger);
  composed.events.attach((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  });

  window.once('ready-to-show', () => window.show());
  await window.loadURL(appEntryUrl);
}

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  // `<app> --cli diff <a> <b>`: the summary command line, without a window or the single-instance lock.
  runPackagedCli(cliArgs, { assetsFolder: assetsFolder(), labPackageFolder: labPackageFolder() }, path.join(app.getPath('userData'), 'lab')).then(
    (code) => app.exit(code),
    () => app.exit(2),
  );
} else if (enforceSingleInstance(app, focusMainWindow)) {
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void composed?.dispose());
  app.whenReady().then(start, (error: unknown) => {
    consoleLogger.error('[main] start failed', error);
    app.exit(1);
  });
}
