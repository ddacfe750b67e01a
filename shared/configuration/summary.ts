import { z } from 'zod';
import { connectorSchema, partitionSchema } from '../sync-server/connectors';
import { schedulerSchema } from '../sync-server/scheduler';

/**
 * The configuration summary of a sync server: one model filled from a live server, a
 * Get-ADSyncServerConfiguration export folder, or a JSON export written by this app.
 * It holds configuration only: no password, token, watermark or partition cookie ever enters it.
 */

/** Which directory a connector reaches: the on-premises AD, Azure AD, or another one. */
export const connectorKindSchema = z.enum(['AD', 'AAD', 'Other']);
export type ConnectorKind = z.infer<typeof connectorKindSchema>;

/**
 * A partition as the sync server tells it (selection, object classes, OU filtering as container DNs), its
 * DN (`DC=contoso,DC=com`; `default` for the Azure AD connector) and display name always known.
 */
export const summaryPartitionSchema = partitionSchema
  .pick({ selected: true, objectClasses: true, containerInclusions: true, containerExclusions: true })
  .extend({ dn: z.string(), name: z.string() });
export type SummaryPartition = z.infer<typeof summaryPartitionSchema>;

export const runProfileStepSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  /** Distinguished name of the partition the step runs on, when known. */
  partition: z.string().optional(),
});

export const runProfileSchema = z.object({
  name: z.string(),
  steps: z.array(runProfileStepSchema),
});
export type RunProfile = z.infer<typeof runProfileSchema>;

export const passwordHashSyncSettingsSchema = z.object({
  /** Whether this AD connector's password hashes are synchronized (AD connectors only). */
  enabled: z.boolean().optional(),
  targetConnectorId: z.string().optional(),
  maximumRetryCount: z.number().optional(),
  retryIntervalSeconds: z.number().optional(),
  allowLowSecurity: z.boolean().optional(),
  unlockAccount: z.boolean().optional(),
});
export type PasswordHashSyncSettings = z.infer<typeof passwordHashSyncSettingsSchema>;

/** A connector as the sync server names it (identifier, name, type, subtype), with what an export adds. */
export const summaryConnectorSchema = connectorSchema.pick({ subtype: true }).extend({
  /** Lower-case GUID without braces. */
  identifier: z.string(),
  name: z.string(),
  /** The engine's connector type (`AD`, `Extensible2`). */
  type: z.string(),
  kind: connectorKindSchema,
  forest: z.string().optional(),
  domain: z.string().optional(),
  /** The account the connector signs in with (never its password). */
  account: z.string().optional(),
  partitions: z.array(summaryPartitionSchema),
  /** The run profiles with their steps (the sync server's connector lists their names only). */
  runProfiles: z.array(runProfileSchema),
  passwordHashSync: passwordHashSyncSettingsSchema.optional(),
});
export type SummaryConnector = z.infer<typeof summaryConnectorSchema>;

export const exportDeletionThresholdSchema = z.object({
  enabled: z.boolean(),
  threshold: z.number().optional(),
});

/** The optional features of the native wizard, derived from the global settings (and connectors). */
export const optionalFeaturesSchema = z.object({
  passwordHashSync: z.boolean(),
  passwordWriteback: z.boolean(),
  groupWriteback: z.boolean(),
  deviceWriteback: z.boolean(),
  directoryExtensions: z.boolean(),
  appAndAttributeFiltering: z.boolean(),
  exchangeHybrid: z.boolean(),
  exchangeMailPublicFolders: z.boolean(),
  groupFiltering: z.boolean(),
  exportDeletionThreshold: exportDeletionThresholdSchema,
});
export type OptionalFeatures = z.infer<typeof optionalFeaturesSchema>;

export const scopeConditionSchema = z.object({
  attribute: z.string(),
  operator: z.string(),
  value: z.string(),
});

/** Conditions inside a group are ANDed; groups are ORed. */
export const scopeGroupSchema = z.object({ conditions: z.array(scopeConditionSchema) });
export type ScopeGroup = z.infer<typeof scopeGroupSchema>;

export const joinConditionSchema = z.object({
  /** Connector space attribute. */
  sourceAttribute: z.string(),
  /** Metaverse attribute. */
  targetAttribute: z.string(),
  caseSensitive: z.boolean(),
});

export const joinGroupSchema = z.object({ conditions: z.array(joinConditionSchema) });
export type JoinGroup = z.infer<typeof joinGroupSchema>;

export const flowTypeSchema = z.enum(['Direct', 'Expression', 'Constant']);

export const attributeFlowSchema = z.object({
  destination: z.string(),
  source: z.array(z.string()),
  flowType: flowTypeSchema,
  expression: z.string().optional(),
  constant: z.string().optional(),
  valueMergeType: z.string().optional(),
  executeOnce: z.boolean().optional(),
});
export type AttributeFlow = z.infer<typeof attributeFlowSchema>;

export const syncRuleSchema = z.object({
  /** The rule's identity (uniqueIdentifier), lower-case GUID without braces. */
  identifier: z.string(),
  internalIdentifier: z.string().optional(),
  name: z.string(),
  description: z.string(),
  direction: z.string(),
  connectorId: z.string(),
  connectorName: z.string(),
  sourceObjectType: z.string(),
  targetObjectType: z.string(),
  linkType: z.string(),
  precedence: z.number(),
  /** Present on the standard (out-of-box) rules, e.g. `Microsoft.InfromADUserJoin.003`. */
  immutableTag: z.string().optional(),
  disabled: z.boolean(),
  enablePasswordSync: z.boolean(),
  softDeleteExpiryInterval: z.string().optional(),
  scopingFilter: z.array(scopeGroupSchema),
  joinRules: z.array(joinGroupSchema),
  attributeFlows: z.array(attributeFlowSchema),
});
export type SyncRule = z.infer<typeof syncRuleSchema>;

export const summaryServerSchema = z.object({
  /** Host name of the sync server, when the source tells it. */
  name: z.string().optional(),
  /** When the configuration was exported (as written by the source). */
  exportDate: z.string().optional(),
  serverConfigurationVersion: z.string().optional(),
});

export const configurationSummarySchema = z.object({
  /** 2: the scheduler as the sync server tells it (seconds), partitions and connectors with the sync server's field names. */
  formatVersion: z.literal(2),
  server: summaryServerSchema,
  connectors: z.array(summaryConnectorSchema),
  /** Every global setting, name → value (empty string when unset). */
  globalSettings: z.record(z.string(), z.string()),
  /** Absent when the source does not carry them (a native JSON export). */
  features: optionalFeaturesSchema.optional(),
  /** Only a live server has a scheduler; exports don't carry it. */
  scheduler: schedulerSchema.optional(),
  syncRules: z.array(syncRuleSchema),
  /** What the source does not carry (a native JSON export): shown as not in this export, never compared. */
  notInExport: z.array(z.enum(['globalSettings', 'features', 'runProfiles', 'partitionDetails'])).optional(),
});
export type ConfigurationSummary = z.infer<typeof configurationSummarySchema>;

export const isStandardRule = (rule: SyncRule): boolean => (rule.immutableTag ?? '') !== '';
