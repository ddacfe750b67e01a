import { z } from 'zod';
import type { ServerState } from '../sync-server';
import { parseExtensionAttributes, splitList } from './aad-apps';
import { directoryFilterSchema, featureFlagsSchema, type DirectoryFilter } from './draft';
import {
  applicationListSetting,
  attributeExclusionListSetting,
  directoryExtensionAttributesSetting,
  featureSettingNames,
  optionalFeatureKeys,
  type FeatureFlags,
  type OptionalFeatureKey,
} from './features';

/** The configuration a change task starts from, as main read it from the sync server. */
export const changeBaselineSchema = z.object({
  staging: z.boolean(),
  schedulerSuspended: z.boolean(),
  syncCycleInProgress: z.boolean(),
  /** The AD connectors, one per connected forest, with their partitions' filters. */
  directories: z.array(
    directoryFilterSchema.extend({
      forest: z.string(),
      partitionNames: z.record(z.string(), z.string()),
    }),
  ),
  /** The Azure AD connector's name. */
  cloudConnector: z.string().nullable(),
  features: featureFlagsSchema,
  /** Features whose global setting exists on this server. */
  settingsPresent: z.array(z.enum(optionalFeatureKeys)),
  aadApps: z.array(z.string()),
  excludedAttributes: z.array(z.string()),
  extensionAttributes: z.array(z.string()),
  deletionThreshold: z.object({ enabled: z.boolean(), threshold: z.number().nullable() }),
});
export type ChangeBaseline = z.infer<typeof changeBaselineSchema>;

/** What Configure staging mode reads before its page: the setting, and whether a cycle runs. */
export const stagingStateSchema = z.object({ enabled: z.boolean(), syncCycleInProgress: z.boolean() });
export type StagingState = z.infer<typeof stagingStateSchema>;

const isTrue = (value: string | null | undefined): boolean => (value ?? '').trim().toLowerCase() === 'true';

/** Reads the baseline out of one GetServerState answer. */
export function baselineFromServerState(state: ServerState): ChangeBaseline {
  const parameters = new Map((state.globalSettings?.parameters ?? []).map((parameter) => [parameter.name, parameter.value]));
  const setting = (name: string): string | null | undefined => parameters.get(name);
  const features = Object.fromEntries(
    optionalFeatureKeys.map((key) => [key, isTrue(setting(featureSettingNames[key])) || (key === 'passwordHashSync' && state.features?.passwordHashSync === true)]),
  ) as Record<OptionalFeatureKey, boolean> as FeatureFlags;
  const connectors = state.connectors ?? [];
  const directories = connectors
    .filter((connector) => connector.connectorTypeName === 'AD' || connector.type === 'AD')
    .map((connector) => {
      const partitions = connector.partitions.filter((partition) => partition.dn !== null && partition.dn !== 'default');
      const filters: DirectoryFilter['partitions'] = partitions.map((partition) => ({
        dn: partition.dn ?? '',
        selected: partition.selected,
        containerInclusions: [...partition.containerInclusions],
        containerExclusions: [...partition.containerExclusions],
      }));
      return {
        connectorName: connector.name ?? '',
        forest: connector.name ?? '',
        partitions: filters,
        partitionNames: Object.fromEntries(partitions.map((partition) => [partition.dn ?? '', partition.name ?? partition.dn ?? ''])),
      };
    });
  const others = connectors.filter((connector) => !directories.some((directory) => directory.connectorName === connector.name));
  // A real server's AAD connector is an Extensible2 connector with this subtype; other connectors may exist beside it.
  const cloud = others.find((connector) => /azure active directory/i.test(connector.subtype ?? '')) ?? others[0];
  return {
    staging: state.staging?.enabled ?? state.scheduler?.stagingModeEnabled ?? false,
    schedulerSuspended: state.scheduler?.schedulerSuspended ?? false,
    syncCycleInProgress: state.scheduler?.syncCycleInProgress ?? false,
    directories,
    cloudConnector: cloud?.name ?? null,
    features,
    settingsPresent: optionalFeatureKeys.filter((key) => parameters.has(featureSettingNames[key])),
    aadApps: splitList(setting(applicationListSetting)),
    excludedAttributes: splitList(setting(attributeExclusionListSetting)),
    extensionAttributes: parseExtensionAttributes(setting(directoryExtensionAttributesSetting)),
    deletionThreshold: {
      enabled: state.exportDeletionThreshold?.enabled ?? true,
      threshold: state.exportDeletionThreshold?.threshold ?? null,
    },
  };
}
