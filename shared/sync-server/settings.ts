import { z } from 'zod';
import { psArray, psBoolean, psDate, psEnum, psInteger, psText } from './ps-values';

export const globalParameterSchema = z.object({
  name: z.string(),
  value: psText.nullable(),
  scope: psText.nullable(),
  dataType: psText.nullable(),
});

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

/** Where the sync engine's database lives (Get-ADSyncDatabaseConfiguration). */
export const databaseConfigurationSchema = z.object({
  installedLocalDb: psBoolean,
  sqlServerName: z.string().nullable(),
  sqlServerInstanceName: z.string().nullable(),
  sqlServerDbName: z.string().nullable(),
});
export type DatabaseConfiguration = z.infer<typeof databaseConfigurationSchema>;

/** Password writeback: the password reset configuration of the Azure AD connector (Get-ADSyncAADPasswordResetConfiguration). */
export const passwordResetConfigurationSchema = z.object({
  connector: z.string(),
  enabled: psBoolean,
  modifiedTimestamp: psDate.nullable(),
});
export type PasswordResetConfiguration = z.infer<typeof passwordResetConfigurationSchema>;

/**
 * What SetPasswordResetConfiguration answers: the configuration read back, and whether the server asked for
 * an Azure AD administrator's credential (the first enable onboards the server to the tenant), in which case
 * nothing was changed.
 */
export const passwordResetChangeSchema = z.object({
  credentialRequired: psBoolean,
  configuration: passwordResetConfigurationSchema,
});

/** The global setting that records the user sign-in method (absent on builds that do not record it). */
export const signOnMethodSetting = 'Microsoft.UserSignIn.SignOnMethod';

/**
 * The values of Microsoft.UserSignIn.SignOnMethod the wizard's enum has (UserSignInMethodType); any other
 * value is shown as it is.
 */
export const signOnMethodNames = {
  PasswordHashSync: 'Password Hash Synchronization',
  PassThroughAuthentication: 'Pass-through Authentication',
  FederationWithADFS: 'Federation with AD FS',
  FederationWithPing: 'Federation with PingFederate',
  NotConfigured: 'Do not configure',
} as const satisfies Record<string, string>;

/** The sign-in method a server records; null when it records none (the setting is absent or empty). */
export function signOnMethodOf(settings: GlobalSettings | null): string | null {
  const value = settings?.parameters.find((parameter) => parameter.name === signOnMethodSetting)?.value?.trim() ?? '';
  return value === '' ? null : value;
}

/** The sign-in method's name as the native wizard's User sign-in page says it; an unknown value as it is. */
export function signOnMethodLabel(value: string): string {
  return Object.hasOwn(signOnMethodNames, value) ? signOnMethodNames[value as keyof typeof signOnMethodNames] : value;
}
