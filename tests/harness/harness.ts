import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp, type ComposedApp } from '../../electron/main/composition';
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
  readonly app: ComposedApp;
  readonly dialogs: ScriptedDialogs;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The lab's data folder; a fresh temporary one when omitted. */
  readonly labFolder?: string;
  /** Makes the fresh lab tenant a large one: this many more synchronized users (`seedLargeLabTenant`). */
  readonly largeTenantUsers?: number;
}

const labTarget = (dataFolder: string) =>
  ({ kind: 'lab', branding: defaultBranding, dataFolder, assetsFolder, labPackageFolder, platform: process.platform, settings: {} }) as const;

const quietShell = { openExternal: async () => {}, openSignInPage: async () => {}, exit: async () => false };

/** Seeds a lab folder: the sync server's state and the tenant's certificates and keys. */
async function seedLab(folder: string): Promise<void> {
  const app = await composeApp({ target: labTarget(folder), version: '0.0.0', logger: consoleLogger, dialogs: new ScriptedDialogs(), shell: quietShell });
  try {
    await app.clients.syncServer.getScheduler();
  } finally {
    await app.dispose();
  }
}

/** The app's real main-process handlers behind the loopback web host, on the lab target. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const labFolder = options.labFolder ?? (await freshLabFolder(seedLab));
  if (options.largeTenantUsers !== undefined) await seedLargeLabTenant(labFolder, options.largeTenantUsers);
  const host = await startWebHost(builtRendererFolder);
  const dialogs = new ScriptedDialogs();
  const app = await composeApp({
    target: labTarget(labFolder),
    version: process.env.npm_package_version ?? '0.0.0',
    logger: consoleLogger,
    dialogs,
    shell: {
      openExternal: async (url) => host.openInBrowserTab(url),
      openSignInPage: async (url) => host.openInBrowserTab(url),
      exit: async () => false,
    },
  });
  registerHandlers(host, app.handlers, consoleLogger);
  app.events.attach((event, payload) => host.pushEvent(event, payload));
  return {
    url: host.url,
    origin: host.origin,
    labFolder,
    app,
    dialogs,
    close: async () => {
      await app.dispose();
      await host.close();
    },
  };
}
