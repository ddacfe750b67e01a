import type { ChangeBaseline } from '../../../shared/changes/baseline';
import type { CustomizeEdit } from '../../../shared/changes/draft';

/** The 2016 Contoso server of the lab's default profile: nothing of the password features on. */
export const contosoBaseline: ChangeBaseline = {
  staging: false,
  schedulerSuspended: false,
  syncCycleEnabled: true,
  syncCycleInProgress: false,
  serverVersion: '1.1.130.0',
  signInMethod: null,
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
  passwordHashSync: { connectors: [{ connector: 'contoso.com', enabled: false }], tenant: false },
  recordSettings: ['passwordHashSync', 'passwordWriteback'],
  unreadable: [],
  deletionThreshold: { enabled: true, threshold: 500 },
};

/** The lab's contoso-current server: a 2.2.1.0 standby whose users sign in with password hash sync. */
export const currentBaseline: ChangeBaseline = {
  ...contosoBaseline,
  staging: true,
  serverVersion: '2.2.1.0',
  signInMethod: 'PasswordHashSync',
  directories: [
    {
      ...contosoBaseline.directories[0]!,
      partitions: [
        { dn: 'DC=contoso,DC=com', selected: true, containerInclusions: ['DC=contoso,DC=com'], containerExclusions: ['CN=Computers,DC=contoso,DC=com', 'OU=Legacy,DC=contoso,DC=com'] },
      ],
    },
  ],
  features: { ...contosoBaseline.features, appAndAttributeFiltering: true, passwordHashSync: true, directoryExtensions: true },
  passwordHashSync: { connectors: [{ connector: 'contoso.com', enabled: true }], tenant: true },
  recordSettings: [],
  deletionThreshold: { enabled: true, threshold: 3000 },
};

/** The edit a task starts with: the baseline unchanged. */
export function unchangedEdit(baseline: ChangeBaseline = contosoBaseline): CustomizeEdit {
  return {
    directories: baseline.directories.map((directory) => ({
      connectorName: directory.connectorName,
      partitions: directory.partitions.map((partition) => ({ ...partition })),
    })),
    features: { ...baseline.features },
  };
}
