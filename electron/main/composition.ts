import { userInfo } from 'node:os';
import path from 'node:path';
import { AuthService } from '../services/auth/auth-service';
import { authorityFor, graphBaseUrlFor, graphScopesFor, azureClouds, appGraphPermissions } from '../services/auth/cloud';
import { openTokenCacheStore } from '../services/auth/token-cache';
import { GraphClient } from '../clients/graph/graph-client';
import { operationsModulePath, PowerShellSession, PowerShellSessionPool, type PowerShellTarget } from '../clients/powershell';
import { AdSyncClient } from '../clients/sync-server/ad-sync-client';
import { productStrings } from '../../shared/core/branding';
import { AppService } from '../services/app/app-service';
import { SignInStatusService } from '../services/auth/sign-in-status-service';
import { ChangeService } from '../services/changes/change-service';
import { ConfigurationService } from '../services/configuration/configuration-service';
import { LicensesService } from '../services/licenses/licenses-service';
import { SyncAdminsService } from '../services/sync-admins/sync-admins-service';
import { NativeTasksService } from '../services/native-tasks/native-tasks-service';
import { TroubleshootService } from '../services/troubleshoot/troubleshoot-service';
import { SyncStatusService } from '../services/sync-status/sync-status-service';
import { isLabProfile, labProfiles, labSecrets, labSyncServerModules, openLabNativeWizard, startLabTenant, type LabProfile, type LabTenant } from '../../lab/index';
import { NativeWizardService, serverNativeWizardLauncher, type NativeWizardLauncher } from '../services/native-wizard/native-wizard-service';
import { createRequestHandlers } from '../ipc/all-handlers';
import type { RequestHandlers } from '../ipc/register';
import type { AppShell } from './app-shell';
import { EventBus } from './event-bus';
import type { FileDialogs } from './file-dialogs';
import type { Logger } from './logger';
import { isAllowedSignInUrl, signInHostsByCloud, type SignInAllowance } from './security-policy';
import { AppError } from '../../shared/core/errors';
import type { Services } from './services';
import type { TargetConfig } from './target-config';
import { findPwsh } from './pwsh-location';

export interface CompositionOptions {
  readonly target: TargetConfig;
  readonly shell: AppShell;
  readonly dialogs: FileDialogs;
  readonly version: string;
  /** The app's log; the lab target adds the lab password to what it never writes. */
  readonly logger: Logger & { addSecret?(secret: string): void };
  /** The folder of the log, shown in About. Default: the log file's folder. */
  readonly logFolder?: string;
  /** Why the machine-wide settings were not used, when they were not. */
  readonly settingsNotice?: string | undefined;
}

/** The composed app: its request handlers, its services, and how to release what it holds. */
export interface ComposedApp {
  readonly handlers: RequestHandlers;
  readonly services: Services;
  /** Pushes events to the app window outside a request (e.g. `auth:status`); the host attaches the window. */
  readonly events: EventBus;
  /** The outside systems as the services reach them (tests read the server's and the tenant's state through them). */
  readonly clients: { readonly syncServer: AdSyncClient; readonly graph: GraphClient };
  /** The lab tenant on the lab target (tests use it to make the tenant busy or unreachable). */
  readonly labTenant?: LabTenant;
  /**
   * Starts PowerShell, imports the modules and makes one small read, in the background, so the first task
   * page's first call finds a warm session. The host calls it once the window shows (never before the first
   * paint: on two cores the pwsh start would compete with it); calling it again does nothing.
   */
  warmUp(): void;
  dispose(): Promise<void>;
}

/** Where sign-in and Graph go: the organisation's tenant, or the lab tenant on this computer. */
interface CloudEndpoints {
  readonly clientId: string;
  readonly authority: string;
  readonly graphBaseUrl: string;
  readonly scopes: string[];
  readonly caCertificatePem?: string;
  /** The sign-in pages main may open in the system browser. */
  readonly signInPages: SignInAllowance;
}

const unconfiguredClientId = '00000000-0000-0000-0000-000000000000';

function serverEndpoints(target: TargetConfig): CloudEndpoints {
  const auth = target.auth;
  const cloud = azureClouds[auth?.cloud ?? 'AzurePublic'];
  return {
    clientId: auth?.clientId ?? unconfiguredClientId,
    authority: authorityFor(auth?.cloud ?? 'AzurePublic', auth?.tenant ?? 'organizations'),
    graphBaseUrl: graphBaseUrlFor(auth?.cloud ?? 'AzurePublic'),
    scopes: graphScopesFor(cloud.graphResource, appGraphPermissions),
    signInPages: { hosts: signInHostsByCloud[auth?.cloud ?? 'AzurePublic'] },
  };
}

/** Where the lab sync server lives: the lab package (its PowerShell modules), its state folder, and pwsh. */
export interface LabSyncServerLocation {
  readonly assetsFolder: string;
  readonly labPackageFolder: string;
  readonly labFolder: string;
  readonly pwshPath: string;
  /** The profile a new lab folder is seeded with (default contoso). */
  readonly profile?: LabProfile;
}

/** The lab profile a target names; an unknown name is refused rather than seeded as something else. */
function labProfileOf(target: TargetConfig): LabProfile | undefined {
  if (target.labProfile === undefined) return undefined;
  if (!isLabProfile(target.labProfile)) throw new Error(`Unknown lab profile "${target.labProfile}". The lab has the profiles ${labProfiles.join(' and ')}.`);
  return target.labProfile;
}

function labPowerShellTarget(location: LabSyncServerLocation): PowerShellTarget {
  const lab = labSyncServerModules(location.labPackageFolder, location.labFolder, location.profile ? { profile: location.profile } : {});
  return {
    executable: location.pwshPath,
    operationsModule: operationsModulePath(location.assetsFolder),
    adSyncModule: lab.adSyncModule,
    // On a real server the *-LocalGroupMember cmdlets are built in; the lab provides look-alikes.
    extraModules: [lab.localGroupsModule, lab.adSyncDiagnosticsModule],
    activeDirectoryModule: lab.activeDirectoryModule,
    env: lab.env,
    // Auto-loading finds only pwsh's own modules ($PSHOME); the lab's modules are imported by path.
    modulePath: [],
  };
}

function powerShellTarget(target: TargetConfig): PowerShellTarget {
  const { assetsFolder } = target;
  if (target.kind === 'server') {
    const server = target.server;
    if (server === undefined) throw new Error('The server target needs the machine-wide locations (Windows only).');
    return {
      executable: server.powershellExecutable,
      operationsModule: operationsModulePath(assetsFolder),
      adSyncModule: server.adSyncModule,
      activeDirectoryModule: server.activeDirectoryModule,
      modulePath: server.modulePath,
      env: server.environment,
      inheritedVariables: server.inheritedVariables,
      workingDirectory: server.workingDirectory,
    };
  }
  const profile = labProfileOf(target);
  return labPowerShellTarget({
    assetsFolder,
    labPackageFolder: target.labPackageFolder,
    labFolder: target.dataFolder,
    pwshPath: findPwsh(),
    ...(profile ? { profile } : {}),
  });
}

/**
 * The lab sync server as the app sees it, for the command line's `--source lab`: the same session and
 * the same typed client as the wizard on the lab target. Dispose it to end its PowerShell process.
 */
export function openLabSyncServer(lab: LabSyncServerLocation): { readonly syncServer: AdSyncClient; dispose(): Promise<void> } {
  const session = new PowerShellSession(labPowerShellTarget(lab));
  return { syncServer: new AdSyncClient(session), dispose: () => session.dispose() };
}

/**
 * The only place that creates services and wires them together. Electron's main and the browser harness both call it,
 * so everything behind the IPC host is the same code in the app and in the tests. The services never
 * ask whether they run on the lab: this function picks executables, modules and endpoints.
 */
export async function composeApp(options: CompositionOptions): Promise<ComposedApp> {
  const { target, logger } = options;
  const labTenant = target.kind === 'lab' ? await startLabTenant({ labFolder: target.dataFolder }) : undefined;
  const endpoints: CloudEndpoints = labTenant
    ? {
        clientId: labTenant.clientId,
        authority: labTenant.authority,
        graphBaseUrl: labTenant.graphBaseUrl,
        scopes: graphScopesFor(new URL(labTenant.graphBaseUrl).origin, appGraphPermissions),
        caCertificatePem: labTenant.caCertificatePem,
        signInPages: { loopbackOrigins: [labTenant.baseUrl, labTenant.pagesBaseUrl] },
      }
    : serverEndpoints(target);
  if (labTenant) for (const secret of labSecrets()) logger.addSecret?.(secret);
  // Every sign-in page main opens (MSAL's authorize URL, the device-code verification page) is checked here.
  const openSignInPage = async (url: string): Promise<void> => {
    if (!isAllowedSignInUrl(url, endpoints.signInPages)) {
      logger.warn('[auth] refused to open a sign-in page outside the allow-list', url);
      throw new AppError('NOT_ALLOWED_URL', 'The sign-in page is not on the identity provider’s own hosts, so the wizard did not open it.');
    }
    await options.shell.openSignInPage(url);
  };
  const shellWithCheckedSignIn = { ...options.shell, openSignInPage };
  const scratchFolder = target.scratchFolder ?? path.join(target.dataFolder, 'scratch');
  const logFolder = options.logFolder ?? (logger.file ? path.dirname(logger.file) : target.dataFolder);

  const sessions = new PowerShellSessionPool();
  const syncServerSession = sessions.get(target.kind, powerShellTarget(target));
  const syncServer = new AdSyncClient(syncServerSession);
  let warming: Promise<void> | undefined;
  const warmUp = (): void => {
    warming ??= (async () => {
      const started = performance.now();
      await syncServerSession.start();
      // The first call of a fresh session pays for loading the cmdlets' code: a read every task makes anyway. Only
      // that one: a longer warm-up would hold up the first page's own reads when the admin is quick.
      await syncServer.getScheduler();
      logger.info(`[powershell] session warmed up in ${Math.round(performance.now() - started)} ms`);
    })().catch((error: unknown) => logger.warn('[powershell] warm-up failed; the first task page starts PowerShell itself', error));
  };
  const tokenCache = await openTokenCacheStore({
    // On a server the data folder is shared by its administrators: one cache file each (DPAPI-encrypted for its owner).
    cachePath: path.join(target.dataFolder, target.kind === 'server' ? `token-cache-${userInfo().username.replace(/[^A-Za-z0-9._-]/g, '_')}.bin` : 'token-cache.bin'),
    serviceName: 'AzureADConnectWizard',
    accountName: `${target.kind}-token-cache`,
  });
  // The Graph client asks the auth service for tokens; the auth service reads roles through Graph.
  const graph: GraphClient = new GraphClient({
    baseUrl: endpoints.graphBaseUrl,
    getAccessToken: (): Promise<string> => auth.getAccessToken(),
    caCertificatePem: endpoints.caCertificatePem,
  });
  const auth: AuthService = new AuthService({
    clientId: endpoints.clientId,
    authority: endpoints.authority,
    scopes: endpoints.scopes,
    caCertificatePem: endpoints.caCertificatePem,
    openBrowser: openSignInPage,
    tokenCache,
    directory: graph,
    logger,
  });

  // On the lab there is no AzureADConnect.exe to start: the lab records the launch instead.
  const labNativeWizard = target.kind === 'lab' ? openLabNativeWizard(target.dataFolder) : undefined;
  const nativeWizardLauncher: NativeWizardLauncher = labNativeWizard
    ? { launch: async (openedFor) => ({ launchedAtUtc: (await labNativeWizard.launch(openedFor)).launchedAtUtc, path: null, recordedByLab: true }) }
    : serverNativeWizardLauncher(syncServer);

  const events = new EventBus();
  const { version, shell, dialogs } = options;
  const changes = new ChangeService({
    client: syncServer,
    signIn: auth,
    dataFolder: target.dataFolder,
    cloudDirectory: productStrings[target.branding].cloudDirectory,
    lab: target.kind === 'lab',
    log: (message) => logger.info(message),
  });
  const services: Services = {
    app: new AppService({ target, version, shell, logFolder, settingsNotice: options.settingsNotice }),
    auth: new SignInStatusService({ auth, shell: shellWithCheckedSignIn, events, logger }),
    configuration: new ConfigurationService({ syncServer, dialogs, target, version, logger, scratchFolder }),
    changes,
    syncStatus: new SyncStatusService({ syncServer, auth, graph }),
    syncAdmins: new SyncAdminsService({ syncServer, target }),
    licenses: new LicensesService({ auth, graph, logger }),
    nativeWizard: new NativeWizardService(nativeWizardLauncher, (message) => logger.info(message)),
    troubleshoot: new TroubleshootService({ syncServer, changeGuard: changes }),
    nativeTasks: new NativeTasksService({ syncServer, auth, graph }),
  };
  // A change plan cut short by a crash left scheduled cycles off; restore them before anything else.
  void services.changes.recoverAtStart();
  return {
    handlers: createRequestHandlers(services),
    services,
    events,
    clients: { syncServer, graph },
    ...(labTenant ? { labTenant } : {}),
    warmUp,
    dispose: async () => {
      await auth.close();
      await graph.close();
      await sessions.disposeAll();
      await labTenant?.close();
    },
  };
}
