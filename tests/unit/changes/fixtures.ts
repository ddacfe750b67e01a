import type { ChangeBaseline } from '../../../shared/changes/baseline';
import type { CustomizeEdit } from '../../../shared/changes/draft';

export const contosoBaseline: ChangeBaseline = {
  staging: false,
  schedulerSuspended: false,
  syncCycleInProgress: false,
  directories: [
    {
      connectorName: 'contoso.com',
      forest: 'contoso.com',
      partitions: [{ dn: 'DC=contoso,DC=com', selected: true, containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: ['DC=contoso,DC=com'] }],
      partitionNames: { 'DC=contoso,DC=com': 'contoso.com' },
    },
  ],
  cloudConnector: 'contoso.onmicrosoft.com - AAD',
  features: {
    exchangeHybrid: true,
    exchangeMailPublicFolders: false,
    appAndAttributeFiltering: false,
    passwordHashSync: false,
    passwordWriteback: false,
    groupWriteback: false,
    deviceWriteback: false,
    directoryExtensions: false,
  },
  settingsPresent: ['exchangeHybrid', 'appAndAttributeFiltering', 'passwordHashSync', 'passwordWriteback', 'groupWriteback', 'deviceWriteback', 'directoryExtensions'],
  aadApps: [],
  excludedAttributes: [],
  extensionAttributes: [],
  deletionThreshold: { enabled: true, threshold: 500 },
};

/** The edit a task starts with: the baseline unchanged. */
export function unchangedEdit(baseline: ChangeBaseline = contosoBaseline): CustomizeEdit {
  return {
    directories: baseline.directories.map((directory) => ({
      connectorName: directory.connectorName,
      partitions: directory.partitions.map((partition) => ({ ...partition })),
    })),
    features: { ...baseline.features },
    aadApps: [...baseline.aadApps],
    excludedAttributes: [...baseline.excludedAttributes],
    extensionAttributes: [...baseline.extensionAttributes],
  };
}
