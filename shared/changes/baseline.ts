import { z } from 'zod';
import type { PasswordResetConfiguration, PasswordSyncConfiguration, ServerState } from '../sync-server';
import { signOnMethodOf } from '../sync-server/settings';
import { directoryFilterSchema, featureFlagsSchema } from './draft';
import { engineFeatureSettings, featureRecordSettings, optionalFeatureKeys, type OptionalFeatureKey } from './features';

/** The configuration a change task starts from, as main read it from the sync server. */
export const changeBaselineSchema = z.object({
  staging: z.boolean(),
  /** Set by Azure AD Connect only, while its own wizard is open or an upgrade runs: no change may start. */
  schedulerSuspended: z.boolean(),
  /** Whether scheduled cycles run; a plan turns them off and puts back this value. */
  syncCycleEnabled: z.boolean(),
  syncCycleInProgress: z.boolean(),
  /** Microsoft.Synchronize.ServerConfigurationVersion; null when the server does not say. */
  serverVersion: z.string().nullable(),
  /** Microsoft.UserSignIn.SignOnMethod as recorded; null when the build records none. */
  signInMethod: z.string().nullable(),
  /** The AD connectors, one per connected forest, with their partitions' filters. */
  directories: z.array(
    directoryFilterSchema.extend({
      forest: z.string(),
      partitionNames: z.record(z.string(), z.string()),
    }),
  ),
  /** The Azure AD connector's name. */
  cloudConnector: z.string().nullable(),
  /** Each feature's state, read from what governs it on the server. */
  features: featureFlagsSchema,
  /**
   * Password hash synchronization has two switches that must agree (Microsoft's diagnostics report a
   * mismatch): per AD connector, and the tenant's company feature (null when it could not be read).
   */
  passwordHashSync: z.object({
    connectors: z.array(z.object({ connector: z.string(), enabled: z.boolean() })),
    tenant: z.boolean().nullable(),
  }),
  /** The 2016 builds' global settings that record password hash sync and password writeback, where they exist. */
  recordSettings: z.array(z.enum(['passwordHashSync', 'passwordWriteback'])),
  /** Features whose state could not be read, and why. */
  unreadable: z.array(z.object({ feature: z.enum(optionalFeatureKeys), message: z.string() })),
  deletionThreshold: z.object({ enabled: z.boolean(), threshold: z.number().nullable() }),
});
export type ChangeBaseline = z.infer<typeof changeBaselineSchema>;

/** What a feature's state is read from, besides GetServerState: the per-connector and Azure AD connector configurations. */
export interface FeatureSources {
  readonly passwordSync: readonly PasswordSyncConfiguration[];
  /** Null when it could not be read; `passwordResetError` says why. */
  readonly passwordReset: PasswordResetConfiguration | null;
  readonly passwordResetError?: string;
}

const isTrue = (value: string | null | undefined): boolean => (value ?? '').trim().toLowerCase() === 'true';

/** Whether the baseline's two password hash sync switches disagree. */
export function passwordHashSyncMismatch(baseline: ChangeBaseline): boolean {
  const local = baseline.passwordHashSync.connectors.some((connector) => connector.enabled);
  return baseline.passwordHashSync.tenant !== null && local !== baseline.passwordHashSync.tenant;
}

/** Microsoft.Synchronize.ServerConfigurationVersion among the global settings' parameters, null when not recorded. */
export function serverVersionOf(globalSettings: ServerState['globalSettings']): string | null {
  return globalSettings?.parameters?.find((parameter) => parameter.name === 'Microsoft.Synchronize.ServerConfigurationVersion')?.value ?? null;
}

/** Reads the baseline out of one GetServerState answer and the feature sources. */
export function baselineFromServerState(state: ServerState, sources: FeatureSources): ChangeBaseline {
  const parameters = new Map((state.globalSettings?.parameters ?? []).map((parameter) => [parameter.name, parameter.value]));
  const setting = (name: string): boolean => isTrue(parameters.get(name));
  const connectors = state.connectors ?? [];
  const directories = connectors
    .filter((connector) => connector.connectorTypeName === 'AD' || connector.type === 'AD')
    .map((connector) => {
      const partitions = connector.partitions.filter((partition) => partition.dn !== null && partition.dn !== 'default');
      return {
        connectorName: connector.name ?? '',
        forest: connector.name ?? '',
        partitions: partitions.map((partition) => ({
          dn: partition.dn ?? '',
          selected: partition.selected,
          containerInclusions: [...partition.containerInclusions],
          containerExclusions: [...partition.containerExclusions],
        })),
        partitionNames: Object.fromEntries(partitions.map((partition) => [partition.dn ?? '', partition.name ?? partition.dn ?? ''])),
      };
    });
  const others = connectors.filter((connector) => !directories.some((directory) => directory.connectorName === connector.name));
  // A real server's AAD connector is an Extensible2 connector with this subtype; other connectors may exist beside it.
  const cloud = others.find((connector) => /azure active directory/i.test(connector.subtype ?? '')) ?? others[0];

  const company = state.features;
  const localPasswordHashSync = sources.passwordSync.some((configuration) => configuration.enabled);
  const tenantPasswordHashSync = company?.passwordHashSync ?? null;
  const features: Record<OptionalFeatureKey, boolean> = {
    exchangeHybrid: setting(engineFeatureSettings.exchangeHybrid),
    exchangeMailPublicFolders: setting(engineFeatureSettings.exchangeMailPublicFolders),
    appAndAttributeFiltering: setting(engineFeatureSettings.appAndAttributeFiltering),
    // On only when both switches are: hashes sent but refused by the tenant (or the reverse) synchronize nothing.
    passwordHashSync: localPasswordHashSync && (tenantPasswordHashSync ?? true),
    passwordWriteback: sources.passwordReset?.enabled ?? false,
    groupWriteback: setting(engineFeatureSettings.groupWriteback) || company?.unifiedGroupWriteback === true || company?.groupWritebackV2 === true,
    deviceWriteback: setting(engineFeatureSettings.deviceWriteback) || company?.deviceWriteback === true,
    directoryExtensions: setting(engineFeatureSettings.directoryExtensions),
  };
  const unreadable: ChangeBaseline['unreadable'] = [];
  if (sources.passwordReset === null) {
    unreadable.push({ feature: 'passwordWriteback', message: sources.passwordResetError ?? 'The password reset configuration could not be read.' });
  }
  if (cloud === undefined) unreadable.push({ feature: 'passwordHashSync', message: 'This server has no Azure AD connector.' });

  return {
    staging: state.staging?.enabled ?? state.scheduler?.stagingModeEnabled ?? false,
    schedulerSuspended: state.scheduler?.schedulerSuspended ?? false,
    syncCycleEnabled: state.scheduler?.syncCycleEnabled ?? true,
    syncCycleInProgress: state.scheduler?.syncCycleInProgress ?? false,
    serverVersion: serverVersionOf(state.globalSettings),
    signInMethod: signOnMethodOf(state.globalSettings),
    directories,
    cloudConnector: cloud?.name ?? null,
    features,
    passwordHashSync: {
      connectors: sources.passwordSync.map((configuration) => ({ connector: configuration.sourceConnector, enabled: configuration.enabled })),
      tenant: tenantPasswordHashSync,
    },
    recordSettings: (['passwordHashSync', 'passwordWriteback'] as const).filter((key) => parameters.has(featureRecordSettings[key])),
    unreadable,
    deletionThreshold: {
      enabled: state.exportDeletionThreshold?.enabled ?? true,
      threshold: state.exportDeletionThreshold?.threshold ?? null,
    },
  };
}
