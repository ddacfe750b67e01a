import type { DeviceOptionsState, FederationState, PrivacyState, RefreshSchemaState, TenantDomain, UserSignInState } from '../../../shared/native-tasks/state';
import { isAppError } from '../../../shared/core/errors';
import type { GraphClient } from '../../clients/graph/graph-client';
import type { AuthService } from '../auth/auth-service';
import type { GlobalSettings } from '../../../shared/sync-server/settings';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';

export interface NativeTasksServiceOptions {
  readonly syncServer: Pick<AdSyncClient, 'getTelemetrySetting' | 'getGlobalSettings' | 'getCompanyFeatures' | 'getConnectors' | 'getPasswordSyncConfiguration'>;
  readonly auth: Pick<AuthService, 'getStatus'>;
  readonly graph: Pick<GraphClient, 'domains' | 'federationConfiguration'>;
}

type Readable<T> = { readable: true; value: T } | { readable: false; reason: string };

const notReadable = (reason: string): { readable: false; reason: string } => ({ readable: false, reason });

function setting(settings: GlobalSettings, name: string): Readable<string> {
  const value = settings.parameters.find((parameter) => parameter.name === name)?.value ?? null;
  return value === null || value.trim() === '' ? notReadable(`This server does not record ${name}.`) : { readable: true, value: value.trim() };
}

const asBoolean = (value: Readable<string>): Readable<boolean> => (value.readable ? { readable: true, value: value.value.toLowerCase() === 'true' } : value);

/** A Graph failure in words: the app's message and Graph's own code and message (e.g. a missing consent's 403). */
function graphReason(error: unknown): string {
  if (!isAppError(error)) throw error;
  return error.detail === undefined ? error.message : `${error.message} (${error.detail})`;
}

/** The current state each read-only native task shows. Reads only; each change is handed off to the native wizard. */
export class NativeTasksService {
  constructor(private readonly options: NativeTasksServiceOptions) {}

  async privacy(): Promise<PrivacyState> {
    const telemetry = await this.options.syncServer.getTelemetrySetting();
    return { telemetry: telemetry.readable && telemetry.value !== null ? { readable: true, value: telemetry.value } : notReadable(telemetry.reason ?? 'The value cannot be read.') };
  }

  async deviceOptions(): Promise<DeviceOptionsState> {
    const { syncServer } = this.options;
    const [settings, features] = await Promise.all([syncServer.getGlobalSettings(), syncServer.getCompanyFeatures().catch((error: unknown) => (isAppError(error) ? error : Promise.reject(error)))]);
    const enabled = asBoolean(setting(settings, 'Microsoft.OptionalFeature.DeviceWriteBack'));
    const container = setting(settings, 'Microsoft.DeviceWriteBack.Container');
    const forest = setting(settings, 'Microsoft.DeviceWriteBack.Forest');
    return {
      deviceWriteback: enabled.readable
        ? { readable: true, value: { enabled: enabled.value, container: container.readable ? container.value : null, forest: forest.readable ? forest.value : null } }
        : enabled,
      tenantDeviceWriteback:
        features instanceof Error
          ? notReadable(`Get-ADSyncAADCompanyFeature failed: ${features.message}`)
          : features.deviceWriteback === null
            ? notReadable('Get-ADSyncAADCompanyFeature does not report DeviceWriteback on this build.')
            : { readable: true, value: features.deviceWriteback },
      serviceConnectionPoint: notReadable(
        'The hybrid join service connection point is an object in each forest’s configuration partition (CN=62a0ff2e-97b9-4513-943f-0d221bd30080,CN=Device Registration Configuration,CN=Services,CN=Configuration,…), which this app does not read.',
      ),
    };
  }

  async refreshSchema(): Promise<RefreshSchemaState> {
    const connectors = await this.options.syncServer.getConnectors();
    return {
      forests: connectors
        .filter((connector) => connector.type === 'AD')
        .map((connector) => ({
          connectorName: connector.name ?? '(unnamed connector)',
          lastModificationTime: connector.lastModificationTime,
          partitions: connector.partitions.flatMap((partition) => (partition.dn === null ? [] : [{ dn: partition.dn, selected: partition.selected }])),
        })),
    };
  }

  async userSignIn(): Promise<UserSignInState> {
    const { syncServer } = this.options;
    const [settings, connectors] = await Promise.all([syncServer.getGlobalSettings(), syncServer.getConnectors()]);
    const adConnectors = connectors.filter((connector) => connector.type === 'AD' && connector.name !== null);
    const hashSync = await Promise.all(adConnectors.map((connector) => syncServer.getPasswordSyncConfiguration(connector.name ?? '')));
    return {
      signOnMethod: setting(settings, 'Microsoft.UserSignIn.SignOnMethod'),
      seamlessSso: asBoolean(setting(settings, 'Microsoft.UserSignIn.DesktopSsoEnabled')),
      passwordHashSync: hashSync.some((configuration) => configuration.enabled),
      passThroughAgents: notReadable(
        'Microsoft Graph v1.0 does not expose pass-through authentication agents; only the beta onPremisesPublishingProfiles API does, and it needs a read-write permission (OnPremisesPublishingProfiles.ReadWrite.All) this app does not ask for. The Entra admin center and Azure AD Connect show them.',
      ),
      domains: await this.tenantDomains(),
    };
  }

  async federation(): Promise<FederationState> {
    const [settings, domains] = await Promise.all([this.options.syncServer.getGlobalSettings(), this.tenantDomains()]);
    return { signOnMethod: setting(settings, 'Microsoft.UserSignIn.SignOnMethod'), domains };
  }

  /** The tenant's domains from Graph, and each federated one's federation settings; what Graph refuses is said with its reason. */
  private async tenantDomains(): Promise<Readable<TenantDomain[]>> {
    if (this.options.auth.getStatus().state !== 'signedIn') return notReadable('Sign in to Azure AD (the sign-in step) to read the tenant’s domains from Microsoft Graph.');
    const { graph } = this.options;
    let domains: Awaited<ReturnType<typeof graph.domains>>;
    try {
      domains = await graph.domains();
    } catch (error) {
      return notReadable(graphReason(error));
    }
    const value = await Promise.all(
      domains.map(async (domain): Promise<TenantDomain> => {
        if (domain.authenticationType.toLowerCase() !== 'federated') return { ...domain, federation: null };
        try {
          const settings = await graph.federationConfiguration(domain.name);
          return { ...domain, federation: settings === undefined ? notReadable('Microsoft Graph returned no federation configuration for this domain.') : { readable: true, value: settings } };
        } catch (error) {
          return { ...domain, federation: notReadable(graphReason(error)) };
        }
      }),
    );
    return { readable: true, value };
  }
}
