import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../../electron/services/configuration/export-folder-reader';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { buildConfigurationView, databaseText, tenantFromAccount, tenantFromConnectorName } from '../../../shared/configuration/build-view';
import type { ConfigurationView } from '../../../shared/configuration/view';
import { contosoFolder } from '../../fixtures/configuration/contoso';
import { labServerState } from './lab-state';

const strings = { cloudDirectory: 'Azure AD' };
const readAt = '2026-11-26T00:45:00.000Z';

const value = (rows: ConfigurationView['general'], key: string) => rows.find((row) => row.key === key)?.value;

let contoso: ConfigurationSummary;
beforeAll(async () => {
  contoso = await readExportFolder(contosoFolder);
});

describe('View current configuration from the Contoso server', () => {
  it('shows where the sync database lives', () => {
    const localDb = { installedLocalDb: true, sqlServerName: '(localdb)', sqlServerInstanceName: '.\\ADSync2019', sqlServerDbName: 'ADSync' };
    const view = buildConfigurationView({ state: labServerState(), database: localDb, summary: contoso, readAt }, strings);
    expect(value(view.general, 'database')).toBe('(localdb)\\ADSync2019, database ADSync (SQL Server Express LocalDB)');
    const remote = { installedLocalDb: false, sqlServerName: 'SQL01', sqlServerInstanceName: null, sqlServerDbName: 'ADSyncDB' };
    expect(databaseText(remote)).toBe('SQL01, database ADSyncDB (SQL Server)');
  });

  it('names the tenant and both connector accounts, and the plain server settings', () => {
    const view = buildConfigurationView({ state: labServerState(), database: null, summary: contoso, readAt }, strings);
    expect(value(view.general, 'azureDirectory')).toBe('contoso.onmicrosoft.com');
    expect(value(view.general, 'azureConnectorAccount')).toBe('Sync_CONTOSO-SYNC01_e3c03195e061@contoso.onmicrosoft.com');
    expect(value(view.general, 'syncServiceAccount')).toBe('NT SERVICE\\ADSync');
    expect(value(view.general, 'stagingMode')).toBe('Disabled');
    expect(value(view.general, 'autoUpgrade')).toBe('Suspended');
    expect(value(view.general, 'serverName')).toBe('CONTOSO-SYNC01');
    expect(view.directories).toEqual([
      {
        name: 'contoso.com',
        forest: 'contoso.com',
        account: 'contoso.com\\MSOL_d1edb676ca03',
        partitions: [
          {
            name: 'contoso.com',
            dn: 'DC=contoso,DC=com',
            selected: true,
            containerInclusions: ['OU=CORP,DC=contoso,DC=com'],
            containerExclusions: ['DC=contoso,DC=com'],
          },
        ],
      },
    ]);
    expect(view.warnings).toEqual([]);
  });

  it('says plainly what the server does not tell: the database, and the sign-in method a 2016 build does not record', () => {
    const view = buildConfigurationView({ state: labServerState(), database: null, summary: contoso, readAt }, strings);
    const database = view.general.find((row) => row.key === 'database');
    expect(database?.value).toBeNull();
    expect(database?.note).toMatch(/Could not be read/);
    const signIn = view.general.find((row) => row.key === 'userSignInMethod');
    expect(signIn?.value).toBeNull();
    expect(signIn?.note).toBe('This version of the sync server does not record the sign-in method (Microsoft.UserSignIn.SignOnMethod).');
  });

  it('lists the sync settings: source anchor, UPN attribute, OU filtering on, group filtering off, each feature', () => {
    const view = buildConfigurationView({ state: labServerState(), database: null, summary: contoso, readAt }, strings);
    expect(value(view.syncSettings, 'sourceAnchor')).toBe('objectGUID');
    expect(value(view.syncSettings, 'userPrincipalName')).toBe('userPrincipalName');
    expect(value(view.syncSettings, 'ouFiltering')).toBe('Enabled');
    expect(value(view.syncSettings, 'groupFiltering')).toBe('Disabled');
    expect(value(view.syncSettings, 'exportDeletionThreshold')).toBe('Enabled (500 objects)');
    expect(view.features.map((f) => [f.label, f.enabled])).toEqual([
      ['Exchange hybrid deployment', true],
      ['Exchange Mail Public Folders', false],
      ['Azure AD app and attribute filtering', false],
      ['Password hash synchronization', false],
      ['Password writeback', false],
      ['Group writeback', false],
      ['Device writeback', false],
      ['Directory extension attribute sync', false],
    ]);
  });

  it('shows the scheduler: interval, next cycle and the last run', () => {
    const view = buildConfigurationView({ state: labServerState(), database: null, summary: contoso, readAt }, strings);
    expect(view.scheduler).toMatchObject({
      currentlyEffectiveSyncCycleIntervalSeconds: 1800,
      customizedSyncCycleIntervalSeconds: null,
      nextSyncCycleStartTimeInUtc: '2026-11-26T01:11:43.354Z',
      nextSyncCyclePolicyType: 'Delta',
    });
    expect(view.lastRun).toMatchObject({ connectorName: 'contoso.com', runProfileName: 'Export', result: 'success' });
  });
});

describe('what changes the page', () => {
  it('shows the sign-in method the server records, by the native name, and an unknown value as it is', () => {
    const withSignOn = (value: string) => {
      const state = labServerState();
      state.globalSettings!.parameters = [...state.globalSettings!.parameters, { name: 'Microsoft.UserSignIn.SignOnMethod', value, scope: 'SynchronizationGlobal', dataType: 'String' }];
      return view(state);
    };
    const view = (state: ReturnType<typeof labServerState>) =>
      buildConfigurationView({ state, database: null, summary: contoso, readAt }, strings).general.find((row) => row.key === 'userSignInMethod');
    expect(withSignOn('PasswordHashSync')).toMatchObject({ value: 'Password Hash Synchronization', note: 'Microsoft.UserSignIn.SignOnMethod = PasswordHashSync' });
    expect(withSignOn('PassThroughAuthentication')?.value).toBe('Pass-through Authentication');
    expect(withSignOn('FederationWithADFS')?.value).toBe('Federation with AD FS');
    expect(withSignOn('FederationWithPing')?.value).toBe('Federation with PingFederate');
    expect(withSignOn('NotConfigured')?.value).toBe('Do not configure');
    expect(withSignOn('Federation')?.value).toBe('Federation');
    // Password hash sync being on says nothing about the sign-in method: it may be a backup of federation.
    const phsOn = labServerState();
    phsOn.features = { ...phsOn.features!, passwordHashSync: true };
    expect(view(phsOn)?.value).toBeNull();
    const unreadable = labServerState();
    unreadable.globalSettings = null;
    expect(view(unreadable)?.note).toMatch(/global settings could not be read/);
  });

  it('staging mode on shows Enabled', () => {
    const state = labServerState();
    state.staging = { enabled: true };
    expect(value(buildConfigurationView({ state, database: null, summary: contoso, readAt }, strings).general, 'stagingMode')).toBe('Enabled');
  });

  it('a domain with no excluded container means OU filtering is off', () => {
    const state = labServerState();
    const partition = state.connectors![0]!.partitions[0]!;
    state.connectors![0]!.partitions[0] = { ...partition, containerInclusions: ['DC=contoso,DC=com'], containerExclusions: [] };
    const view = buildConfigurationView({ state, database: null, summary: contoso, readAt }, strings);
    expect(value(view.syncSettings, 'ouFiltering')).toBe('Disabled');
  });

  it('without the configuration export the accounts are not available, the tenant comes from the connector name, and a warning says why', () => {
    const view = buildConfigurationView({ state: labServerState(), database: null, summary: null, summaryError: 'Access denied.', readAt }, strings);
    expect(value(view.general, 'azureDirectory')).toBe('contoso.onmicrosoft.com');
    expect(view.general.find((r) => r.key === 'azureDirectory')?.note).toMatch(/connector's name/);
    expect(value(view.general, 'azureConnectorAccount')).toBeNull();
    expect(view.directories[0]?.account).toBeNull();
    expect(view.warnings).toEqual([expect.stringContaining('Access denied.')]);
  });

  it('before the configuration export is read, what only it tells is pending, not failed, and the rest is final', () => {
    const pending = buildConfigurationView({ state: labServerState(), database: null, summary: null, summaryPending: true, readAt }, strings);
    const full = buildConfigurationView({ state: labServerState(), database: null, summary: contoso, readAt }, strings);
    expect(pending.exportPending).toBe(true);
    expect(full.exportPending).toBe(false);
    expect(pending.warnings).toEqual([]);
    expect(value(pending.general, 'azureConnectorAccount')).toBeNull();
    expect(pending.general.find((r) => r.key === 'azureConnectorAccount')?.note).toMatch(/Being read/);
    expect(pending.directories.map((directory) => directory.account)).toEqual([null]);
    // The AD connector's own password hash sync is only in the export: unknown, never a wrong "Disabled".
    expect(pending.features.find((feature) => feature.key === 'passwordHashSync')?.enabled).toBeNull();
    expect(pending.syncSettings).toEqual(full.syncSettings);
    expect(pending.scheduler).toEqual(full.scheduler);
    expect(value(pending.general, 'stagingMode')).toBe(value(full.general, 'stagingMode'));
  });

  it('a section the server could not read is named in a warning and shown as not available', () => {
    const state = labServerState();
    state.autoUpgrade = null;
    state.sectionErrors = [{ section: 'autoUpgrade', error: { message: 'Get-ADSyncAutoUpgrade failed.' } }];
    const view = buildConfigurationView({ state, database: null, summary: contoso, readAt }, strings);
    expect(value(view.general, 'autoUpgrade')).toBeNull();
    expect(view.warnings).toEqual(['The auto upgrade setting could not be read: Get-ADSyncAutoUpgrade failed.']);
  });

  it('uses the Microsoft Entra branding in labels when asked', () => {
    const view = buildConfigurationView({ state: labServerState(), database: null, summary: contoso, readAt }, { cloudDirectory: 'Microsoft Entra ID' });
    expect(view.general[0]?.label).toBe('Microsoft Entra ID directory');
    expect(view.features.find((f) => f.key === 'appAndAttributeFiltering')?.label).toBe('Microsoft Entra ID app and attribute filtering');
  });
});

describe('tenant names', () => {
  it('comes from the Azure AD connector account, else from the express connector name', () => {
    expect(tenantFromAccount('Sync_SRV_1a2b@fabrikam.onmicrosoft.com')).toBe('fabrikam.onmicrosoft.com');
    expect(tenantFromAccount('no-at-sign')).toBeUndefined();
    expect(tenantFromConnectorName('fabrikam.onmicrosoft.com - AAD')).toBe('fabrikam.onmicrosoft.com');
    expect(tenantFromConnectorName('Some connector')).toBeUndefined();
  });
});
