import type { DeviceOptionsState, FederationState, PrivacyState, RefreshSchemaState, UserSignInState } from '../../../shared/native-tasks/state';
import { isAppError } from '../../../shared/core/errors';
import type { GlobalSettings } from '../../../shared/sync-server/settings';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';

export interface NativeTasksServiceOptions {
  readonly syncServer: Pick<AdSyncClient, 'getTelemetrySetting' | 'getGlobalSettings' | 'getCompanyFeatures' | 'getConnectors' | 'getPasswordSyncConfiguration'>;
}

type Readable<T> = { readable: true; value: T } | { readable: false; reason: string };

const notReadable = (reason: string): { readable: false; reason: string } => ({ readable: false, reason });

function setting(settings: GlobalSettings, name: string): Readable<string> {
  const value = settings.parameters.find((parameter) => parameter.name === name)?.value ?? null;
  return value === null || value.trim() === '' ? notReadable(`This server does not record ${name}.`) : { readable: true, value: value.trim() };
}

const asBoolean = (value: Readable<string>): Readable<boolean> => (value.readable ? { readable: true, value: value.value.toLowerCase() === 'true' } : value);

/** Graph reads the app does not make yet: said plainly rather than guessed. */
const graphNotRead = (what: string, call: string): string => `${what} come from Microsoft Graph (${call}), which this version of the app does not read; Azure AD Connect shows them.`;

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
      passThroughAgents: notReadable(graphNotRead('Pass-through authentication agents', 'beta onPremisesPublishingProfiles/authentication/agents')),
    };
  }

  async federation(): Promise<FederationState> {
    const settings = await this.options.syncServer.getGlobalSettings();
    return {
      signOnMethod: setting(settings, 'Microsoft.UserSignIn.SignOnMethod'),
      federatedDomains: notReadable(graphNotRead('The federated domains and their federation settings', 'domains and domains/{id}/federationConfiguration')),
    };
  }
}
