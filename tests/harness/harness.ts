import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp, type ComposedApp } from '../../electron/main/composition';
import { FileLogger } from '../../electron/main/log/file-logger';
import { consoleLogger } from '../../electron/main/logger';
import { registerHandlers } from '../../electron/ipc/register';
import { seedLargeLabTenant } from '../../lab/index';
import { defaultBranding } from '../../shared/core/branding';
import { freshLabFolder } from './lab-template';
import { ScriptedDialogs } from './scripted-dialogs';
import { startWebHost } from './web-host';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const builtRendererFolder = path.join(repositoryRoot, 'out', 'renderer');
export const assetsFolder = path.join(repositoryRoot, 'assets');
export const labPackageFolder = path.join(repositoryRoot, 'lab');

export interface Harness {
  readonly url: string;
  readonly origin: string;
  readonly labFolder: string;
  /** The app's log, as main writes it in the lab (`<lab folder>/logs/wizard.log`). */
  readonly logFile: string;
  /** How often the page asked main to open the log folder. */
  readonly logFolderOpenings: () => number;
  readonly app: ComposedApp;
  readonly dialogs: ScriptedDialogs;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The lab's data folder; a fresh temporary one when omitted. */
  readonly labFolder?: string;
  /** The lab sync server's profile for a new lab folder (lab/README.md, "Profiles"); default contoso. */
  readonly labProfile?: string;
  /** Makes the fresh lab tenant a large one: this many more synchronized users (`seedLargeLabTenant`). */
  readonly largeTenantUsers?: number;
}

const labTarget = (dataFolder: string, labProfile: string | undefined) =>
  ({
    kind: 'lab',
    branding: defaultBranding,
    dataFolder,
    assetsFolder,
    labPackageFolder,
    platform: process.platform,
    ...(labProfile ? { labProfile } : {}),
  }) as const;

const quietShell = { openExternal: async () => {}, openSignInPage: async () => {}, openLogFolder: async () => false, exit: async () => false };

/** Seeds a lab folder with a profile: the sync server's state and the tenant's certificates and keys. */
async function seedLab(folder: string, labProfile: string | undefined): Promise<void> {
  const app = await composeApp({ target: labTarget(folder, labProfile), version: '0.0.0', logger: consoleLogger, dialogs: new ScriptedDialogs(), shell: quietShell });
  try {
    await app.clients.syncServer.getScheduler();
  } finally {
    await app.dispose();
  }
}

/** The app's real main-process handlers behind the loopback web host, on the lab target. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const labFolder = options.labFolder ?? (await freshLabFolder(options.labProfile ?? 'contoso', (folder) => seedLab(folder, options.labProfile)));
  if (options.largeTenantUsers !== undefined) await seedLargeLabTenant(labFolder, options.largeTenantUsers);
  const host = await startWebHost(builtRendererFolder);
  const dialogs = new ScriptedDialogs();
  const logger = new FileLogger({ folder: path.join(labFolder, 'logs') });
  let logFolderOpenings = 0;
  const app = await composeApp({
    target: labTarget(labFolder, options.labProfile),
    version: process.env.npm_package_version ?? '0.0.0',
    logger,
    dialogs,
    shell: {
      openExternal: async (url) => host.openInBrowserTab(url),
      openSignInPage: async (url) => host.openInBrowserTab(url),
      openLogFolder: async () => {
        logFolderOpenings += 1;
        return true;
      },
      exit: async () => false,
    },
  });
  registerHandlers(host, app.handlers, logger);
  app.events.attach((event, payload) => host.pushEvent(event, payload));
  return {
    url: host.url,
    origin: host.origin,
    labFolder,
    logFile: logger.file,
    logFolderOpenings: () => logFolderOpenings,
    app,
    dialogs,
    close: async () => {
      await app.dispose();
      await host.close();
    },
  };
}
