import type { OptionalFeatures, SummaryConnector } from './summary';

/** Global setting names behind the optional features of the native wizard. */
export const featureSettingNames = {
  passwordHashSync: 'Microsoft.OptionalFeature.PasswordHashSync',
  passwordWriteback: 'Microsoft.OptionalFeature.PasswordWriteback',
  groupWriteback: 'Microsoft.OptionalFeature.GroupWriteBack',
  deviceWriteback: 'Microsoft.OptionalFeature.DeviceWriteBack',
  directoryExtensions: 'Microsoft.OptionalFeature.DirectoryExtension',
  appAndAttributeFiltering: 'Microsoft.OptionalFeature.FilterAAD',
  exchangeHybrid: 'Microsoft.OptionalFeature.HybridExchange',
  exchangeMailPublicFolders: 'Microsoft.OptionalFeature.ExchangeMailPublicFolder',
  groupFiltering: 'Microsoft.OptionalFeature.GroupFiltering',
  exportDeletionThreshold: 'Microsoft.OptionalFeature.ExportDeletionThreshold',
  exportDeletionThresholdValue: 'Microsoft.OptionalFeature.ExportDeletionThresholdValue',
} as const;

/** Display names, as the native wizard labels them. */
export const featureLabels: Record<keyof OptionalFeatures, string> = {
  passwordHashSync: 'Password hash synchronization',
  passwordWriteback: 'Password writeback',
  groupWriteback: 'Group writeback',
  deviceWriteback: 'Device writeback',
  directoryExtensions: 'Directory extension attribute sync',
  appAndAttributeFiltering: 'Azure AD app and attribute filtering',
  exchangeHybrid: 'Exchange hybrid deployment',
  exchangeMailPublicFolders: 'Exchange Mail Public Folders',
  groupFiltering: 'Group filtering',
  exportDeletionThreshold: 'Export deletion threshold',
};

const isTrue = (value: string | undefined): boolean => (value ?? '').trim().toLowerCase() === 'true';

/**
 * Derives the optional features. Password hash sync counts as on when the global setting says so or
 * any AD connector has it enabled, because older servers only record it on the connector.
 */
export function deriveFeatures(settings: Record<string, string>, connectors: readonly SummaryConnector[]): OptionalFeatures {
  const setting = (name: string): boolean => isTrue(settings[name]);
  const thresholdValue = Number.parseInt(settings[featureSettingNames.exportDeletionThresholdValue] ?? '', 10);
  const connectorPasswordHashSync = connectors.some((c) => c.kind === 'AD' && c.passwordHashSync?.enabled === true);
  return {
    passwordHashSync: setting(featureSettingNames.passwordHashSync) || connectorPasswordHashSync,
    passwordWriteback: setting(featureSettingNames.passwordWriteback),
    groupWriteback: setting(featureSettingNames.groupWriteback),
    deviceWriteback: setting(featureSettingNames.deviceWriteback),
    directoryExtensions: setting(featureSettingNames.directoryExtensions),
    appAndAttributeFiltering: setting(featureSettingNames.appAndAttributeFiltering),
    exchangeHybrid: setting(featureSettingNames.exchangeHybrid),
    exchangeMailPublicFolders: setting(featureSettingNames.exchangeMailPublicFolders),
    groupFiltering: setting(featureSettingNames.groupFiltering),
    exportDeletionThreshold: Number.isFinite(thresholdValue)
      ? { enabled: setting(featureSettingNames.exportDeletionThreshold), threshold: thresholdValue }
      : { enabled: setting(featureSettingNames.exportDeletionThreshold) },
  };
}
