import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultBranding, productStrings } from '../../shared/core/branding';
import { createElectronIpcHost } from '../ipc/electron-host';
import { registerHandlers } from '../ipc/register';
import { isTrustedSender } from '../ipc/trusted-sender';
import { cliArguments, runPackagedCli } from './cli-mode';
import { composeApp, type ComposedApp } from './composition';
import { closeQuestion, guardWindowClose } from './close-guard';
import { electronFileDialogs } from './electron-dialogs';
import { hardenSession, hardenWebContents } from './harden';
import { FileLogger } from './log/file-logger';
import { consoleLogger } from './logger';
import { runMachineProbe } from './machine/machine-probe';
import { evaluateAdminOnly } from './machine/sddl';
import { serverSetup, type LocationOverrides, type ServerLocations } from './machine/server-locations';
import { windowsDirectory } from './machine/windows-directory';
import { rendererFileFor } from './renderer-files';
import { appEntryUrl, appScheme, isAllowedExternalUrl } from './security-policy';
import { developmentSettingsSchema, machineSettingsSchema, readSettingsFile, userSettingsSchema, type AuthSettings } from './settings';
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

/** What the start-up found: the target, where the log goes, and anything the administrator should know. */
interface Startup {
  readonly target: TargetConfig;
  readonly logFolder: string;
  readonly notices: readonly string[];
}

class StartupRefused extends Error {}

/**
 * The real server's locations, from the kernel's Windows folder and the machine probe; the machine-wide
 * settings file is read only when its ACL and its folder's ACL let administrators alone change it.
 */
async function resolveServer(
  productName: string,
  developmentOverrides?: LocationOverrides,
): Promise<{ locations: ServerLocations; scratchFolder: string; stateFolder: string; logFolder: string; auth?: AuthSettings | undefined; notices: string[] }> {
  if (process.platform !== 'win32') throw new StartupRefused('The server target runs on Windows only (the sync server). Use the lab target here.');
  const windows = windowsDirectory();
  if (windows.folder === undefined) throw new StartupRefused(`The Windows folder could not be determined safely: ${windows.problem}.`);
  const probe = await runMachineProbe(windows.folder, productName);
  const first = serverSetup(windows.folder, probe, productName);
  if (!first.ok) throw new StartupRefused(`The wizard's machine-wide folder is not safe to use: ${first.problem}.`);
  const notices: string[] = [];
  let overrides: LocationOverrides = developmentOverrides ?? {};
  let auth: AuthSettings | undefined;
  const file = first.folders.settingsFile;
  const sddl = probe.sddl['settings'];
  if (developmentOverrides === undefined && sddl !== undefined) {
    const verdict = evaluateAdminOnly(sddl);
    if (!verdict.ok) {
      notices.push(
        `${file} is ignored: ${verdict.problems.join('; ')}. Only Administrators and SYSTEM may own or change it; ` +
          'reinstall the wizard or reset the folder as README describes.',
      );
    } else {
      const reading = await readSettingsFile(file, machineSettingsSchema);
      if (reading.state === 'ignored') notices.push(`${reading.problem}. The file is ignored; the defaults apply.`);
      overrides = reading.settings;
      auth = reading.settings.auth;
    }
  }
  const setup = serverSetup(windows.folder, probe, productName, overrides);
  if (!setup.ok) throw new StartupRefused(`The wizard's machine-wide folder is not safe to use: ${setup.problem}.`);
  return { locations: setup.locations, scratchFolder: setup.folders.scratch, stateFolder: setup.folders.state, logFolder: setup.folders.logs, auth, notices };
}

async function resolveStartup(): Promise<Startup> {
  const userData = app.getPath('userData');
  const productName = app.getName();
  const common = { assetsFolder: assetsFolder(), labPackageFolder: labPackageFolder(), platform: process.platform };

  if (app.isPackaged) {
    // Only the branding may come from the user's own file; everything else from the machine-wide one.
    const user = await readSettingsFile(path.join(userData, 'settings.json'), userSettingsSchema);
    const server = await resolveServer(productName);
    const notices = user.state === 'ignored' ? [...server.notices, `${user.problem}. The file is ignored.`] : server.notices;
    return {
      // Plans, the running marker and token caches live in the administrators-only state folder: a file
      // the unelevated user could forge in %APPDATA% must not make the elevated app resume or replay anything.
      target: { ...common, kind: 'server', branding: user.settings.branding ?? defaultBranding, dataFolder: server.stateFolder, auth: server.auth, server: server.locations, scratchFolder: server.scratchFolder },
      logFolder: server.logFolder,
      notices,
    };
  }

  // Development: one file beside the app's data, the lab target allowed (and the default).
  const development = await readSettingsFile(path.join(userData, 'settings.json'), developmentSettingsSchema);
  const notices = development.state === 'ignored' ? [`${development.problem}. The file is ignored.`] : [];
  const kind = development.settings.target ?? defaultTargetKind(false, process.platform);
  const branding = development.settings.branding ?? defaultBranding;
  if (kind === 'lab') {
    const labFolder = path.join(userData, 'lab');
    const labProfile = labProfileArgument();
    return { target: { ...common, kind, branding, dataFolder: labFolder, ...(labProfile ? { labProfile } : {}) }, logFolder: path.join(labFolder, 'logs'), notices };
  }
  const { powershellExecutable, adSyncModule, activeDirectoryModule } = development.settings;
  const server = await resolveServer(productName, { powershellExecutable, adSyncModule, activeDirectoryModule });
  return {
    target: { ...common, kind, branding, dataFolder: server.stateFolder, auth: development.settings.auth, server: server.locations, scratchFolder: server.scratchFolder },
    logFolder: server.logFolder,
    notices,
  };
}

async function start(startup: Startup, logger: FileLogger): Promise<void> {
  const { target } = startup;
  for (const notice of startup.notices) logger.warn(`[settings] ${notice}`);
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
    logger,
    logFolder: startup.logFolder,
    settingsNotice: startup.notices.length > 0 ? startup.notices.join(' ') : undefined,
    dialogs: electronFileDialogs(() => mainWindow),
    shell: {
      openExternal: async (url) => {
        if (isAllowedExternalUrl(url)) await shell.openExternal(url);
      },
      // The composition root checks the URL against the cloud's sign-in hosts before it gets here.
      openSignInPage: (url) => shell.openExternal(url),
      openLogFolder: async () => (await shell.openPath(startup.logFolder)) === '',
      exit: async () => {
        window.close();
        return true;
      },
    },
  });
  guardWindowClose(
    window,
    composed.services.changes,
    async () =>
      (await dialog.showMessageBox(window, { type: 'warning', ...closeQuestion, buttons: [...closeQuestion.buttons], defaultId: 1, cancelId: 1, noLink: true }))
        .response === closeQuestion.confirm,
    (message) => logger.info(message),
  );
  const host = createElectronIpcHost(ipcMain, (event) => isTrustedSender(event, mainWindow?.webContents.id));
  registerHandlers(host, composed.handlers, logger);
  composed.events.attach((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  });

  window.once('ready-to-show', () => window.show());
  // PowerShell starts once Welcome is on screen, so the first task page's first call is warm.
  window.once('show', () => composed?.warmUp());
  await window.loadURL(appEntryUrl);
}

function refuse(error: unknown): void {
  const message = error instanceof StartupRefused ? error.message : 'The wizard could not start.';
  consoleLogger.error('[main] start failed', error);
  dialog.showErrorBox(app.getName(), message);
  app.exit(1);
}

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  // `<app> --cli diff <a> <b>`: the summary command line, without a window or the single-instance lock.
  // The packaged app has no lab; development keeps `--source lab`.
  const lab = app.isPackaged
    ? undefined
    : { assetsFolder: assetsFolder(), labPackageFolder: labPackageFolder(), labFolder: path.join(app.getPath('userData'), 'lab') };
  runPackagedCli(cliArgs, lab).then(
    (code) => app.exit(code),
    () => app.exit(2),
  );
} else if (enforceSingleInstance(app, focusMainWindow)) {
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void composed?.dispose());
  app.whenReady().then(async () => {
    try {
      const startup = await resolveStartup();
      const logger = new FileLogger({ folder: startup.logFolder, ...(app.isPackaged ? {} : { mirror: consoleLogger }) });
      logger.info(`[main] ${app.getName()} ${app.getVersion()} starting on the ${startup.target.kind} target`);
      await start(startup, logger);
    } catch (error) {
      refuse(error);
    }
  }, refuse);
}

