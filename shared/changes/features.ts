import { featureSettingNames as settingNameOf } from '../configuration/features';

/** The eight optional features of the native wizard, in the native order. */
export const optionalFeatureKeys = [
  'exchangeHybrid',
  'exchangeMailPublicFolders',
  'appAndAttributeFiltering',
  'passwordHashSync',
  'passwordWriteback',
  'groupWriteback',
  'deviceWriteback',
  'directoryExtensions',
] as const;

export type OptionalFeatureKey = (typeof optionalFeatureKeys)[number];
export type FeatureFlags = Readonly<Record<OptionalFeatureKey, boolean>>;

/** The global setting that records each feature on the sync server. */
export const featureSettingNames: Readonly<Record<OptionalFeatureKey, string>> = settingNameOf;

export const applicationListSetting = 'Microsoft.AADFilter.ApplicationList';
export const attributeExclusionListSetting = 'Microsoft.AADFilter.AttributeExclusionList';
export const directoryExtensionAttributesSetting = 'Microsoft.OptionalFeature.DirectoryExtensionAttributes';

export interface FeatureText {
  /** The checkbox label; `cloud` is replaced by the product's name of the cloud directory. */
  readonly label: (cloud: string) => string;
  readonly description: (cloud: string) => string;
}

/** Labels and descriptions as the native Optional features page shows them. */
export const featureTexts: Readonly<Record<OptionalFeatureKey, FeatureText>> = {
  exchangeHybrid: {
    label: () => 'Exchange hybrid deployment',
    description: (cloud) =>
      `Allows the coexistence of Exchange mailboxes both on-premises and in Microsoft 365. Synchronizes a specific set of attributes from ${cloud} back into your on-premises directory.`,
  },
  exchangeMailPublicFolders: {
    label: () => 'Exchange Mail Public Folders',
    description: (cloud) =>
      `Synchronizes mail-enabled public folder objects from your on-premises Active Directory to ${cloud}. Groups that contain public folders as members are not supported.`,
  },
  appAndAttributeFiltering: {
    label: (cloud) => `${cloud} app and attribute filtering`,
    description: () => 'Tailors the set of attributes synchronized to specific cloud apps. Adds two more configuration pages.',
  },
  passwordHashSync: {
    label: () => 'Password hash synchronization',
    description: () =>
      'Synchronizes a hash of the users\' password hashes, so that users can sign in to the cloud with the same password. Also a backup sign-in method when federation or pass-through authentication is used.',
  },
  passwordWriteback: {
    label: () => 'Password writeback',
    description: (cloud) => `Writes password changes made in ${cloud} back to your on-premises directory.`,
  },
  groupWriteback: {
    label: () => 'Group writeback',
    description: () => 'Writes Microsoft 365 Groups back to your on-premises Active Directory. Needs Exchange in your on-premises directory.',
  },
  deviceWriteback: {
    label: () => 'Device writeback',
    description: (cloud) =>
      `Writes device objects from ${cloud} back to your on-premises directory, for conditional access with AD FS and Windows Hello for Business.`,
  },
  directoryExtensions: {
    label: () => 'Directory extension attribute sync',
    description: (cloud) => `Synchronizes extra attributes you choose from your on-premises directory to ${cloud}.`,
  },
};

/** Features whose change reprocesses sync rules, so the next cycle must be a full (Initial) one. */
export const featuresNeedingFullSync: readonly OptionalFeatureKey[] = [
  'exchangeHybrid',
  'exchangeMailPublicFolders',
  'appAndAttributeFiltering',
  'groupWriteback',
  'deviceWriteback',
  'directoryExtensions',
];

export interface FeatureAvailability {
  readonly available: boolean;
  /** Why the checkbox is greyed out. */
  readonly reason?: string;
}

/**
 * Which checkboxes may be changed, given the server and the features ticked so far. Rules: password hash
 * sync and password writeback are off while the server stages; device writeback is configured through
 * the Configure device options task; group writeback needs Exchange in the on-premises directory (the
 * app takes a ticked Exchange hybrid deployment as the sign of it); a feature whose global setting this
 * server does not have is not offered by its version. A feature already on can always be turned off.
 */
export function featureAvailability(
  key: OptionalFeatureKey,
  context: { readonly staging: boolean; readonly current: FeatureFlags; readonly draft: FeatureFlags; readonly settingsPresent: readonly OptionalFeatureKey[] },
): FeatureAvailability {
  const isOn = context.current[key];
  if (!context.settingsPresent.includes(key)) {
    return { available: false, reason: 'This version of the sync server does not offer this feature.' };
  }
  if ((key === 'passwordHashSync' || key === 'passwordWriteback') && context.staging) {
    return { available: false, reason: 'Unavailable while this server is in staging mode.' };
  }
  if (isOn) return { available: true };
  if (key === 'deviceWriteback') {
    return { available: false, reason: 'Device writeback is configured with the Configure device options task.' };
  }
  if (key === 'groupWriteback' && !context.draft.exchangeHybrid) {
    return { available: false, reason: 'Needs Exchange in your on-premises Active Directory: select Exchange hybrid deployment first.' };
  }
  return { available: true };
}
