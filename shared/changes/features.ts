import { signOnMethodLabel } from '../sync-server/settings';

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

/** The features the app changes itself, completely and read back (lab/README.md, "Optional features"). */
export const featuresChangedByApp = ['passwordHashSync', 'passwordWriteback'] as const satisfies readonly OptionalFeatureKey[];
type AppFeatureKey = (typeof featuresChangedByApp)[number];
export type HandedOffFeatureKey = Exclude<OptionalFeatureKey, AppFeatureKey>;

export function isHandedOff(key: OptionalFeatureKey): key is HandedOffFeatureKey {
  return !(featuresChangedByApp as readonly OptionalFeatureKey[]).includes(key);
}

/**
 * Why the app leaves a feature to the native wizard: what the wizard changes that no documented PowerShell
 * does (shared/reference/real-server-tasks.md §0 and §2).
 */
export const handOffReasons: Readonly<Record<HandedOffFeatureKey, string>> = {
  exchangeHybrid:
    'The wizard adds the Exchange hybrid writeback rules and needs write permissions on their attributes; no documented PowerShell does that.',
  exchangeMailPublicFolders: 'The wizard changes the rules for mail-enabled public folders; no documented PowerShell does that.',
  appAndAttributeFiltering: 'The wizard rewrites the outbound rules for the apps and attributes you choose; no documented PowerShell does that.',
  groupWriteback:
    'The wizard sets the writeback forest and OU, the writeback rules and the tenant feature; no documented PowerShell does all of it.',
  deviceWriteback:
    'Device writeback is set up by the Configure device options task, which prepares the forest and the tenant; no documented PowerShell does the sync side.',
  directoryExtensions:
    "The wizard registers the attributes on the tenant's schema extension app and creates their rules; Microsoft supports managing them only in the wizard.",
};

/** The global setting each feature's state was recorded in by the 2016 builds, where it has one. */
export const featureRecordSettings = {
  passwordHashSync: 'Microsoft.OptionalFeature.PasswordHashSync',
  passwordWriteback: 'Microsoft.OptionalFeature.PasswordWriteback',
} as const satisfies Record<AppFeatureKey, string>;

/** The global settings that hold a handed-off feature's state on the sync engine. */
export const engineFeatureSettings = {
  exchangeHybrid: 'Microsoft.OptionalFeature.HybridExchange',
  exchangeMailPublicFolders: 'Microsoft.OptionalFeature.ExchangeMailPublicFolder',
  appAndAttributeFiltering: 'Microsoft.OptionalFeature.FilterAAD',
  groupWriteback: 'Microsoft.OptionalFeature.GroupWriteBack',
  deviceWriteback: 'Microsoft.OptionalFeature.DeviceWriteBack',
  directoryExtensions: 'Microsoft.OptionalFeature.DirectoryExtension',
} as const satisfies Record<HandedOffFeatureKey, string>;

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

export interface FeatureAvailability {
  readonly available: boolean;
  /** Why the checkbox cannot be changed here. */
  readonly reason?: string;
  /** The feature is changed in the native wizard: the page offers to open it. */
  readonly handOff?: boolean;
}

export interface FeatureContext {
  readonly staging: boolean;
  /** Microsoft.UserSignIn.SignOnMethod; null when the build records none. */
  readonly signInMethod: string | null;
  /** Features whose state could not be read from the server. */
  readonly unreadable: readonly OptionalFeatureKey[];
}

/** The reason the Password hash synchronization box is locked when it is the user sign-in method. */
export function signInLockReason(signInMethod: string): string {
  return (
    `The user sign-in method is ${signOnMethodLabel(signInMethod)}: turning password hash synchronization off would stop ` +
    'password sign-in for every user. Choose another sign-in method first, with Change user sign-in in Azure AD Connect.'
  );
}

/**
 * Which checkboxes may be changed here. A handed-off feature shows its state and offers the native wizard;
 * password hash synchronization is locked while it is the sign-in method; password hash synchronization
 * and password writeback do not run while the server stages, so they are not changed then; a feature whose
 * state could not be read is not changed blind.
 */
export function featureAvailability(key: OptionalFeatureKey, context: FeatureContext): FeatureAvailability {
  if (isHandedOff(key)) return { available: false, handOff: true, reason: `Change this feature in Azure AD Connect. ${handOffReasons[key]}` };
  if (context.unreadable.includes(key)) return { available: false, reason: 'Its state could not be read from the sync server.' };
  if (key === 'passwordHashSync' && context.signInMethod === 'PasswordHashSync') {
    return { available: false, reason: signInLockReason(context.signInMethod) };
  }
  if (context.staging) return { available: false, reason: 'Unavailable while this server is in staging mode.' };
  return { available: true };
}
