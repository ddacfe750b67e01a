import { z } from 'zod';
import type { ConfigurationSummary, SummaryConnector, SyncRule } from './summary';

/*
 * A JSON export of Azure AD Connect's own "View or export current configuration" (native-wizard.md §3.1,
 * adsync-powershell.md §13): mapped into the configuration summary so Compare and the CLI read it like
 * any other source. What it does not carry (global settings, optional features, run profiles, the Azure AD
 * connector's name) stays absent and is shown as not in this export.
 */

const text = z.string().catch('');
const number = z.number().catch(0);
const strings = z.array(z.string()).catch([]);

const nativeRuleSchema = z
  .object({
    name: z.string().optional(),
    Name: z.string().optional(),
    uniqueIdentifier: text,
    internalIdentifier: z.string().optional(),
    immutableTag: z.string().optional(),
    precedence: number,
    description: text,
    direction: text,
    linkType: text,
    disabled: z.boolean().catch(false),
    scopeFilters: z.array(z.object({ attribute: text, condition: text, value: text }).passthrough()).catch([]),
    attributeMappings: z.array(z.object({ destination: text, source: z.unknown() }).passthrough()).catch([]),
  })
  .passthrough();
type NativeRule = z.infer<typeof nativeRuleSchema>;

const rulesOf = { customSynchronizationRules: z.array(nativeRuleSchema).catch([]), standardSynchronizationRules: z.array(nativeRuleSchema).catch([]) };

export const nativeExportSchema = z
  .object({
    policyMetadata: z.record(z.string(), z.unknown()),
    deploymentMetadata: z.record(z.string(), z.unknown()).optional(),
    azureDirectoryPolicy: z.object(rulesOf).passthrough().optional(),
    onpremisesDirectoryPolicy: z.array(
      z
        .object({
          friendlyName: text,
          fullyQualifiedDomainName: text,
          uniqueIdentifier: text,
          partitionFilters: z.array(z.object({ distinguishedName: z.string(), containerInclusions: strings, containerExclusions: strings }).passthrough()).catch([]),
          ...rulesOf,
        })
        .passthrough(),
    ),
  })
  .passthrough();

/** Whether a parsed JSON document is shaped like a native export (its four documented top-level keys). */
export function looksLikeNativeExport(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'policyMetadata' in value && 'onpremisesDirectoryPolicy' in value;
}

const guid = (value: string): string => value.replace(/[{}]/g, '').toLowerCase();

/** The Azure AD side has no connector entry in the native export; its rules hang on this stand-in. */
const azureConnector: SummaryConnector = { identifier: 'azure-directory-policy', name: 'Azure AD (azureDirectoryPolicy)', type: 'Extensible2', kind: 'AAD', subtype: null, partitions: [], runProfiles: [] };

function rule(native: NativeRule, connector: SummaryConnector, standard: boolean): SyncRule {
  const mapped: SyncRule = {
    identifier: guid(native.uniqueIdentifier),
    name: native.name ?? native.Name ?? '',
    description: native.description,
    direction: native.direction,
    connectorId: connector.identifier,
    connectorName: connector.name,
    sourceObjectType: '',
    targetObjectType: '',
    linkType: native.linkType,
    precedence: native.precedence,
    disabled: native.disabled,
    enablePasswordSync: false,
    scopingFilter: native.scopeFilters.length > 0 ? [{ conditions: native.scopeFilters.map((c) => ({ attribute: c.attribute, operator: c.condition, value: c.value })) }] : [],
    joinRules: [],
    attributeFlows: native.attributeMappings.map((m) => ({ destination: m.destination, source: Array.isArray(m.source) ? m.source.map(String) : typeof m.source === 'string' ? [m.source] : [], flowType: 'Direct' as const })),
  };
  if (native.internalIdentifier) mapped.internalIdentifier = guid(native.internalIdentifier);
  if (standard && native.immutableTag) mapped.immutableTag = native.immutableTag;
  return mapped;
}

/** Maps a native export into the summary model; the caller checked looksLikeNativeExport. Throws a zod error when it does not parse. */
export function summaryFromNativeExport(value: unknown): ConfigurationSummary {
  const native = nativeExportSchema.parse(value);
  const metadata = native.policyMetadata;
  const metaText = (key: string): string | undefined => (typeof metadata[key] === 'string' ? (metadata[key] as string) : undefined);
  const connectors: SummaryConnector[] = native.onpremisesDirectoryPolicy.map((forest) => ({
    identifier: guid(forest.uniqueIdentifier),
    name: forest.friendlyName || forest.fullyQualifiedDomainName,
    type: 'AD',
    kind: 'AD',
    subtype: null,
    forest: forest.fullyQualifiedDomainName,
    partitions: forest.partitionFilters.map((filter) => ({
      dn: filter.distinguishedName,
      name: filter.distinguishedName,
      selected: true,
      objectClasses: [],
      containerInclusions: filter.containerInclusions,
      containerExclusions: filter.containerExclusions,
    })),
    runProfiles: [],
  }));
  const syncRules: SyncRule[] = native.onpremisesDirectoryPolicy.flatMap((forest, index) => [
    ...forest.customSynchronizationRules.map((r) => rule(r, connectors[index]!, false)),
    ...forest.standardSynchronizationRules.map((r) => rule(r, connectors[index]!, true)),
  ]);
  if (native.azureDirectoryPolicy) {
    connectors.push(azureConnector);
    syncRules.push(
      ...native.azureDirectoryPolicy.customSynchronizationRules.map((r) => rule(r, azureConnector, false)),
      ...native.azureDirectoryPolicy.standardSynchronizationRules.map((r) => rule(r, azureConnector, true)),
    );
  }
  const server: ConfigurationSummary['server'] = {};
  const version = metaText('serverConfigurationVersion') ?? metaText('version') ?? metaText('Version');
  if (version) server.serverConfigurationVersion = version;
  const exported = metaText('exportedAt') ?? metaText('exportDate');
  if (exported) server.exportDate = exported;
  return { formatVersion: 2, server, connectors, globalSettings: {}, syncRules, notInExport: ['globalSettings', 'features', 'runProfiles', 'partitionDetails'] };
}
