import { z } from 'zod';
import { configurationSummarySchema, isStandardRule, type ConfigurationSummary, type SyncRule } from './summary';

/** The key under which the app keeps its own full summary inside an export, so the file reads back exactly. */
export const summaryKey = 'connectWizardSummary';

export type PolicyExportMetadata = {
  /** When the export was made (ISO-8601). */
  exportedAt: string;
  /** Name and version of the app writing it. */
  exportedBy: string;
};

/** A custom rule as the native export writes it (the complete rule stays in the app's own section). */
function customRule(rule: SyncRule) {
  return {
    name: rule.name,
    description: rule.description,
    direction: rule.direction,
    source: rule.sourceObjectType,
    target: rule.targetObjectType,
    linkType: rule.linkType,
    precedence: rule.precedence,
    disabled: rule.disabled,
    enablePasswordSync: rule.enablePasswordSync,
    scopeFilters: rule.scopingFilter.map((group) => ({
      scopeConditions: group.conditions.map((c) => ({ attribute: c.attribute, condition: c.operator, value: c.value })),
    })),
    joinFilters: rule.joinRules.map((group) => ({
      joinConditions: group.conditions.map((c) => ({
        sourceAttribute: c.sourceAttribute,
        targetAttribute: c.targetAttribute,
        caseSensitive: c.caseSensitive,
      })),
    })),
    attributeMappings: rule.attributeFlows.map((flow) => ({
      destination: flow.destination,
      source: flow.source,
      flowType: flow.flowType,
      expression: flow.expression ?? flow.constant ?? '',
      valueMergeType: flow.valueMergeType ?? 'Update',
    })),
    internalIdentifier: rule.internalIdentifier ?? rule.identifier,
    uniqueIdentifier: rule.identifier,
  };
}

function standardRule(rule: SyncRule) {
  return {
    name: rule.name,
    uniqueIdentifier: rule.identifier,
    immutableTag: rule.immutableTag ?? '',
    precedence: rule.precedence,
    disabled: rule.disabled,
  };
}

function splitRules(rules: readonly SyncRule[]) {
  return {
    customSynchronizationRules: rules.filter((r) => !isStandardRule(r)).map(customRule),
    standardSynchronizationRules: rules.filter(isStandardRule).map(standardRule),
  };
}

/**
 * Builds the JSON export: the native export's top-level keys (an AD connector's rules in its forest's
 * `onpremisesDirectoryPolicy` entry, the Azure AD connector's in `azureDirectoryPolicy`) plus the app's
 * full summary under `connectWizardSummary`.
 */
export function buildPolicyExport(summary: ConfigurationSummary, metadata: PolicyExportMetadata) {
  const adConnectors = summary.connectors.filter((c) => c.kind === 'AD');
  const aadIds = new Set(summary.connectors.filter((c) => c.kind === 'AAD').map((c) => c.identifier));
  return {
    policyMetadata: {
      exportedBy: metadata.exportedBy,
      exportedAt: metadata.exportedAt,
      serverConfigurationVersion: summary.server.serverConfigurationVersion ?? '',
      synchronizationRuleImmutableTagVersion: summary.globalSettings['Microsoft.Version.SynchronizationRuleImmutableTag'] ?? '',
    },
    deploymentMetadata: {
      hostName: summary.server.name ?? '',
      exportDate: summary.server.exportDate ?? '',
      stagingModeEnabled:
        summary.scheduler?.stagingModeEnabled ?? (summary.globalSettings['Microsoft.Synchronize.StagingMode'] ?? '').toLowerCase() === 'true',
    },
    onpremisesDirectoryPolicy: adConnectors.map((connector) => ({
      friendlyName: connector.name,
      fullyQualifiedDomainName: connector.forest ?? connector.name,
      uniqueIdentifier: connector.identifier,
      partitionFilters: connector.partitions
        .filter((p) => p.selected)
        .map((p) => ({ distinguishedName: p.dn, containerInclusions: p.containerInclusions, containerExclusions: p.containerExclusions })),
      ...splitRules(summary.syncRules.filter((r) => r.connectorId === connector.identifier)),
    })),
    azureDirectoryPolicy: splitRules(summary.syncRules.filter((r) => aadIds.has(r.connectorId))),
    [summaryKey]: summary,
  };
}

/** The part of an export file the app reads back; the native sections are derived data. */
export const policyExportFileSchema = z.object({ [summaryKey]: configurationSummarySchema });

/** Whether a parsed JSON value looks like a synchronization policy export at all (native or this app's). */
export function looksLikePolicyExport(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return summaryKey in value || 'onpremisesDirectoryPolicy' in value || 'azureDirectoryPolicy' in value;
}
