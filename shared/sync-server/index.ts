import { z } from 'zod';

/*
 * What the sync server (the ADSync module, real or lab) tells the app, as parsed from the PowerShell
 * bridge. The app's operations module already normalizes its output (ISO dates, seconds, enum names,
 * arrays); these schemas additionally accept what Windows PowerShell 5.1's ConvertTo-Json prints when
 * a value slips through unnormalized: "\/Date(ms)\/" dates, TimeSpan objects, enum numbers, "True"
 * strings and single objects where an array belongs. The inferred types are the clean shapes.
 */

// ---------------------------------------------------------------------------------------------
// Tolerant primitives
// ---------------------------------------------------------------------------------------------

const msDatePattern = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const zonePattern = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Accepts ISO-8601 (with or without zone; no zone = UTC) and 5.1's /Date(ms)/; yields ISO-8601 UTC. */
export function normalizeDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const msDate = msDatePattern.exec(value);
  if (msDate?.[1] !== undefined) return new Date(Number(msDate[1])).toISOString();
  const withZone = zonePattern.test(value) ? value : `${value}Z`;
  const parsed = Date.parse(withZone);
  return Number.isNaN(parsed) ? value : new Date(parsed).toISOString();
}

const timeSpanTextPattern = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/** Accepts seconds, a serialized TimeSpan object ({Ticks} or {TotalSeconds}) or "d.hh:mm:ss"; yields seconds. */
export function normalizeSeconds(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const match = timeSpanTextPattern.exec(value.trim());
    if (!match) return value;
    const [, minus, days, hours, minutes, seconds, fraction] = match;
    const total =
      Number(days ?? 0) * 86_400 +
      Number(hours) * 3_600 +
      Number(minutes) * 60 +
      Number(seconds ?? 0) +
      Number(`0.${fraction ?? '0'}`);
    return minus ? -total : total;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.Ticks === 'number') return record.Ticks / 10_000_000;
    if (typeof record.TotalSeconds === 'number') return record.TotalSeconds;
  }
  return value;
}

export function normalizeBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return value;
}

/** A PowerShell pipeline unwraps one-element arrays and turns empty ones into null. */
export function normalizeArray(value: unknown): unknown {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export const psDate = z.preprocess(normalizeDate, z.iso.datetime());
export const psSeconds = z.preprocess(normalizeSeconds, z.number());
export const psBoolean = z.preprocess(normalizeBoolean, z.boolean());
export const psArray = <T extends z.ZodType>(item: T) => z.preprocess(normalizeArray, z.array(item));

/**
 * An enum by name; 5.1 prints the underlying number instead. `names` must list the members in the
 * order of their numeric values (0, 1, 2...).
 */
export function psEnum<const T extends readonly [string, ...string[]]>(names: T) {
  return z.preprocess((value) => (typeof value === 'number' ? (names[value] ?? value) : value), z.enum(names));
}

/** A string that may arrive as a number (e.g. an enum the app does not enumerate). */
const psText = z.preprocess((value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value), z.string());
const psInteger = z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number());

// ---------------------------------------------------------------------------------------------
// Scheduler, staging, sync cycle
// ---------------------------------------------------------------------------------------------

/** SynchronizationPolicyType; the numeric order (Unspecified = 0, Delta = 1, Initial = 2) is inferred. */
export const syncPolicyTypes = ['Unspecified', 'Delta', 'Initial'] as const;
export const syncPolicyTypeSchema = psEnum(syncPolicyTypes);
export type SyncPolicyType = (typeof syncPolicyTypes)[number];

export const schedulerSchema = z.object({
  allowedSyncCycleIntervalSeconds: psSeconds.nullable(),
  currentlyEffectiveSyncCycleIntervalSeconds: psSeconds.nullable(),
  customizedSyncCycleIntervalSeconds: psSeconds.nullable(),
  nextSyncCyclePolicyType: syncPolicyTypeSchema.nullable(),
  nextSyncCycleStartTimeInUtc: psDate.nullable(),
  purgeRunHistoryIntervalSeconds: psSeconds.nullable(),
  syncCycleEnabled: psBoolean,
  maintenanceEnabled: psBoolean,
  stagingModeEnabled: psBoolean,
  schedulerSuspended: psBoolean,
  syncCycleInProgress: psBoolean,
});
export type Scheduler = z.infer<typeof schedulerSchema>;

/** What Set-ADSyncScheduler may change; an omitted field is left as it is, null clears the custom interval. */
export const schedulerChangeSchema = z
  .object({
    customizedSyncCycleIntervalSeconds: z.number().int().positive().nullable(),
    purgeRunHistoryIntervalSeconds: z.number().int().positive(),
    syncCycleEnabled: z.boolean(),
    maintenanceEnabled: z.boolean(),
    schedulerSuspended: z.boolean(),
    nextSyncCyclePolicyType: z.enum(syncPolicyTypes),
  })
  .partial();
export type SchedulerChange = z.infer<typeof schedulerChangeSchema>;

export const stagingModeSchema = z.object({ enabled: psBoolean });
export type StagingMode = z.infer<typeof stagingModeSchema>;

export const syncCycleStartSchema = z.object({ result: psText.nullable() });
export type SyncCycleStart = z.infer<typeof syncCycleStartSchema>;

export const syncCycleStopSchema = z.object({ stopRequested: psBoolean });

// ---------------------------------------------------------------------------------------------
// Connectors and partitions
// ---------------------------------------------------------------------------------------------

export const partitionSchema = z.object({
  identifier: z.string().nullable(),
  dn: z.string().nullable(),
  name: z.string().nullable(),
  selected: psBoolean,
  isDomain: psBoolean,
  containerInclusions: psArray(z.string()),
  containerExclusions: psArray(z.string()),
  objectClasses: psArray(z.string()),
});
export type Partition = z.infer<typeof partitionSchema>;

export const connectorSchema = z.object({
  identifier: z.string().nullable(),
  name: z.string().nullable(),
  type: psText.nullable(),
  subtype: z.string().nullable(),
  connectorTypeName: z.string().nullable(),
  description: z.string().nullable(),
  listName: z.string().nullable(),
  companyName: z.string().nullable(),
  creationTime: psDate.nullable(),
  lastModificationTime: psDate.nullable(),
  partitions: psArray(partitionSchema),
  runProfiles: psArray(z.string()),
});
export type Connector = z.infer<typeof connectorSchema>;
export const connectorListSchema = psArray(connectorSchema);

export const partitionFilterChangeSchema = z.object({
  dn: z.string().min(1),
  selected: z.boolean().optional(),
  containerInclusions: z.array(z.string()).optional(),
  containerExclusions: z.array(z.string()).optional(),
});
export type PartitionFilterChange = z.infer<typeof partitionFilterChangeSchema>;

// ---------------------------------------------------------------------------------------------
// Global settings, features, deletion threshold, auto upgrade
// ---------------------------------------------------------------------------------------------

export const globalParameterSchema = z.object({
  name: z.string(),
  value: psText.nullable(),
  scope: psText.nullable(),
  dataType: psText.nullable(),
});
export type GlobalParameter = z.infer<typeof globalParameterSchema>;

export const globalSettingsSchema = z.object({
  version: psInteger.nullable(),
  sqlSchemaVersion: psInteger.nullable(),
  instanceId: z.string().nullable(),
  parameters: psArray(globalParameterSchema),
});
export type GlobalSettings = z.infer<typeof globalSettingsSchema>;

export const globalSettingChangeSchema = z.object({ name: z.string().min(1), value: z.string() });
export type GlobalSettingChange = z.infer<typeof globalSettingChangeSchema>;

export const companyFeaturesSchema = z.object({
  passwordHashSync: psBoolean.nullable(),
  forcePasswordChangeOnLogOn: psBoolean.nullable(),
  userWriteback: psBoolean.nullable(),
  deviceWriteback: psBoolean.nullable(),
  unifiedGroupWriteback: psBoolean.nullable(),
  /** Absent (null) on builds older than group writeback v2. */
  groupWritebackV2: psBoolean.nullable(),
});
export type CompanyFeatures = z.infer<typeof companyFeaturesSchema>;

export const companyFeaturesChangeSchema = z
  .object({
    passwordHashSync: z.boolean(),
    forcePasswordChangeOnLogOn: z.boolean(),
    userWriteback: z.boolean(),
    deviceWriteback: z.boolean(),
    unifiedGroupWriteback: z.boolean(),
    groupWritebackV2: z.boolean(),
  })
  .partial();
export type CompanyFeaturesChange = z.infer<typeof companyFeaturesChangeSchema>;

/** Password hash synchronization of one AD connector (Get-ADSyncAADPasswordSyncConfiguration). */
export const passwordSyncConfigurationSchema = z.object({
  sourceConnector: z.string(),
  /** The Azure AD connector the hashes go to; null when the server does not say. */
  targetConnector: z.string().nullable(),
  enabled: psBoolean,
});
export type PasswordSyncConfiguration = z.infer<typeof passwordSyncConfigurationSchema>;

export const passwordSyncConfigurationChangeSchema = z.object({
  sourceConnector: z.string().min(1),
  targetConnector: z.string().min(1),
  enable: z.boolean(),
});
export type PasswordSyncConfigurationChange = z.infer<typeof passwordSyncConfigurationChangeSchema>;

export const exportDeletionThresholdSchema = z.object({
  enabled: psBoolean,
  threshold: psInteger.nullable(),
});
export type ExportDeletionThreshold = z.infer<typeof exportDeletionThresholdSchema>;

export const exportDeletionThresholdChangeSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(true), threshold: z.number().int().positive(), aadUserName: z.string().optional() }),
  z.object({ enabled: z.literal(false), aadUserName: z.string().optional() }),
]);
export type ExportDeletionThresholdChange = z.infer<typeof exportDeletionThresholdChangeSchema>;

/** AutoUpgradeConfigurationState; numeric order inferred. Suspended is set by the system only. */
export const autoUpgradeStates = ['Enabled', 'Disabled', 'Suspended'] as const;
export const autoUpgradeSchema = z.object({
  state: psEnum(autoUpgradeStates),
  suspensionReason: z.string().nullable(),
});
export type AutoUpgrade = z.infer<typeof autoUpgradeSchema>;
export type AutoUpgradeState = (typeof autoUpgradeStates)[number];

/** Where the sync engine's database lives (Get-ADSyncDatabaseConfiguration). */
export const databaseConfigurationSchema = z.object({
  installedLocalDb: psBoolean,
  sqlServerName: z.string().nullable(),
  sqlServerInstanceName: z.string().nullable(),
  sqlServerDbName: z.string().nullable(),
});
export type DatabaseConfiguration = z.infer<typeof databaseConfigurationSchema>;

// ---------------------------------------------------------------------------------------------
// Run history and sync rules
// ---------------------------------------------------------------------------------------------

export const runSchema = z.object({
  runHistoryId: z.string().nullable(),
  connectorId: z.string().nullable(),
  connectorName: z.string().nullable(),
  runProfileId: z.string().nullable(),
  runProfileName: z.string().nullable(),
  runNumber: psInteger.nullable(),
  username: z.string().nullable(),
  isRunComplete: psBoolean,
  /** e.g. success, completed-sync-errors, stopped-deletion-threshold-exceeded, no-start-connection. */
  result: psText.nullable(),
  currentStepNumber: psInteger.nullable(),
  totalSteps: psInteger.nullable(),
  startDate: psDate.nullable(),
  endDate: psDate.nullable(),
  /** The run's step counters by their ADSync names (StageAdd, ExportUpdate, FlowFailure...); null when not read. */
  counters: z.record(z.string(), psInteger).nullish().transform((value) => value ?? null),
});
export type Run = z.infer<typeof runSchema>;
export const runListSchema = psArray(runSchema);

export const syncRuleSchema = z.object({
  identifier: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  direction: psText.nullable(),
  precedence: psInteger.nullable(),
  connector: z.string().nullable(),
  disabled: psBoolean,
  sourceObjectType: z.string().nullable(),
  targetObjectType: z.string().nullable(),
  linkType: psText.nullable(),
  immutableTag: z.string().nullable(),
  enablePasswordSync: psBoolean,
  isStandardRule: psBoolean.nullable(),
});
export type SyncRule = z.infer<typeof syncRuleSchema>;
export const syncRuleListSchema = psArray(syncRuleSchema);

// ---------------------------------------------------------------------------------------------
// ADSync* local groups
// ---------------------------------------------------------------------------------------------

export const adSyncGroupNames = ['ADSyncAdmins', 'ADSyncOperators', 'ADSyncBrowse', 'ADSyncPasswordSet'] as const;
export const adSyncGroupNameSchema = z.enum(adSyncGroupNames);
export type AdSyncGroupName = z.infer<typeof adSyncGroupNameSchema>;

export const groupMemberSchema = z.object({
  name: z.string().nullable(),
  sid: z.string().nullable(),
  objectClass: psText.nullable(),
  principalSource: psText.nullable(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;
export const groupMemberListSchema = psArray(groupMemberSchema);

// ---------------------------------------------------------------------------------------------
// Active Directory forest and OUs
// ---------------------------------------------------------------------------------------------

export const forestDomainSchema = z.object({
  dnsRoot: z.string().nullable(),
  netBiosName: z.string().nullable(),
  distinguishedName: z.string().nullable(),
});
export type ForestDomain = z.infer<typeof forestDomainSchema>;

export const forestSchema = z.object({
  name: z.string().nullable(),
  rootDomain: z.string().nullable(),
  domains: psArray(forestDomainSchema),
});
export type Forest = z.infer<typeof forestSchema>;

export const organizationalUnitSchema = z.object({ name: z.string().nullable(), distinguishedName: z.string() });
export type OrganizationalUnit = z.infer<typeof organizationalUnitSchema>;

export const organizationalUnitPageSchema = z.object({
  items: psArray(organizationalUnitSchema),
  total: z.number().int(),
  /** Where the next page starts; null on the last page. */
  nextSkip: z.number().int().nullable(),
});
export type OrganizationalUnitPage = z.infer<typeof organizationalUnitPageSchema>;

export const ouSearchScopes = ['OneLevel', 'Subtree'] as const;
export type OuSearchScope = (typeof ouSearchScopes)[number];

// ---------------------------------------------------------------------------------------------
// Whole state and misc
// ---------------------------------------------------------------------------------------------

export const powerShellErrorInfoSchema = z.object({
  message: z.string(),
  errorId: z.string().nullable().optional(),
  category: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
});
export type PowerShellErrorInfo = z.infer<typeof powerShellErrorInfoSchema>;

export const serverStateSectionNames = [
  'scheduler',
  'connectors',
  'globalSettings',
  'features',
  'autoUpgrade',
  'exportDeletionThreshold',
  'lastRuns',
] as const;

/** Everything a page load needs, in one call. A section that could not be read is null and listed in sectionErrors. */
export const serverStateSchema = z.object({
  scheduler: schedulerSchema.nullable(),
  staging: stagingModeSchema.nullable(),
  connectors: connectorListSchema.nullable(),
  globalSettings: globalSettingsSchema.nullable(),
  features: companyFeaturesSchema.nullable(),
  autoUpgrade: autoUpgradeSchema.nullable(),
  exportDeletionThreshold: exportDeletionThresholdSchema.nullable(),
  lastRuns: runListSchema.nullable(),
  sectionErrors: psArray(z.object({ section: z.string(), error: powerShellErrorInfoSchema })),
});
export type ServerState = z.infer<typeof serverStateSchema>;

export const serverConfigurationExportSchema = z.object({ path: z.string(), fileCount: z.number().int() });
export type ServerConfigurationExport = z.infer<typeof serverConfigurationExportSchema>;

export const sessionInfoSchema = z.object({
  processId: z.number().int(),
  psVersion: z.string(),
  psEdition: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/**
 * The parent of a distinguished name ("OU=A,DC=x" → "DC=x"); null for a top-level name. Escaped commas
 * ("OU=Smith\, John,DC=x") are part of the name, not separators.
 */
export function parentDistinguishedName(dn: string): string | null {
  for (let index = 0; index < dn.length; index += 1) {
    const character = dn[index];
    if (character === '\\') {
      index += 1;
      continue;
    }
    if (character === ',') {
      const parent = dn.slice(index + 1).trim();
      return parent === '' ? null : parent;
    }
  }
  return null;
}
