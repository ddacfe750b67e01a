import { describe, expect, it } from 'vitest';
import { baselineFromServerState, passwordHashSyncMismatch, type FeatureSources } from '../../../shared/changes/baseline';
import type { CompanyFeatures, Connector, ServerState } from '../../../shared/sync-server';

const connector = (name: string, type: string, subtype: string | null): Connector => ({
  identifier: null, name, type, subtype, connectorTypeName: type, description: null, listName: null, companyName: null,
  creationTime: null, lastModificationTime: null, partitions: [], runProfiles: [],
});

const company = (passwordHashSync: boolean): CompanyFeatures => ({
  passwordHashSync, forcePasswordChangeOnLogOn: false, userWriteback: false, deviceWriteback: false, unifiedGroupWriteback: false, groupWritebackV2: false,
});

const stateWith = (connectors: Connector[], settings: Record<string, string> = {}, features: CompanyFeatures | null = null): ServerState => ({
  scheduler: null, staging: null, connectors,
  globalSettings: { version: 1, sqlSchemaVersion: 1, instanceId: null, parameters: Object.entries(settings).map(([name, value]) => ({ name, value, scope: null, dataType: null })) },
  features, autoUpgrade: null, exportDeletionThreshold: null, lastRuns: null, sectionErrors: [],
});

const noSources: FeatureSources = { passwordSync: [], passwordReset: null, passwordResetError: 'not read' };
const contoso = [connector('contoso.com', 'AD', null), connector('contoso.onmicrosoft.com - AAD', 'Extensible2', 'Windows Azure Active Directory (Microsoft)')];

describe('baselineFromServerState', () => {
  it('names the AD connectors and picks the Azure AD connector by its subtype even after another connector', () => {
    const baseline = baselineFromServerState(
      stateWith([
        connector('contoso.com', 'AD', null),
        connector('HR database', 'Extensible2', 'Generic SQL (Microsoft)'),
        connector('contoso.onmicrosoft.com - AAD', 'Extensible2', 'Windows Azure Active Directory (Microsoft)'),
        connector('fabrikam.com', 'AD', null),
      ]),
      noSources,
    );
    expect(baseline.directories.map((directory) => directory.connectorName)).toEqual(['contoso.com', 'fabrikam.com']);
    expect(baseline.cloudConnector).toBe('contoso.onmicrosoft.com - AAD');
  });

  it('falls back to the one non-AD connector when the subtype is unknown, and to none without one', () => {
    expect(baselineFromServerState(stateWith([connector('contoso.com', 'AD', null), connector('cloud', 'Extensible2', null)]), noSources).cloudConnector).toBe('cloud');
    const alone = baselineFromServerState(stateWith([connector('contoso.com', 'AD', null)]), noSources);
    expect(alone.cloudConnector).toBeNull();
    expect(alone.unreadable.map((entry) => entry.feature)).toEqual(['passwordWriteback', 'passwordHashSync']);
  });

  it('reads password hash sync from both switches and password writeback from the Azure AD connector, never from a setting name', () => {
    // A 2.2.1.0 server has neither Microsoft.OptionalFeature.PasswordHashSync nor ...PasswordWriteback.
    const current = baselineFromServerState(stateWith(contoso, { 'Microsoft.UserSignIn.SignOnMethod': 'PasswordHashSync', 'Microsoft.Synchronize.ServerConfigurationVersion': '2.2.1.0' }, company(true)), {
      passwordSync: [{ sourceConnector: 'contoso.com', targetConnector: 'contoso.onmicrosoft.com - AAD', enabled: true }],
      passwordReset: { connector: 'contoso.onmicrosoft.com - AAD', enabled: true, modifiedTimestamp: null },
    });
    expect(current.features).toMatchObject({ passwordHashSync: true, passwordWriteback: true });
    expect(current).toMatchObject({ signInMethod: 'PasswordHashSync', serverVersion: '2.2.1.0', recordSettings: [], unreadable: [] });
    expect(passwordHashSyncMismatch(current)).toBe(false);

    // The 2016 setting says on, the sources say off: the sources win.
    const old = baselineFromServerState(stateWith(contoso, { 'Microsoft.OptionalFeature.PasswordHashSync': 'True', 'Microsoft.OptionalFeature.PasswordWriteback': 'True' }, company(false)), {
      passwordSync: [{ sourceConnector: 'contoso.com', targetConnector: null, enabled: false }],
      passwordReset: { connector: 'contoso.onmicrosoft.com - AAD', enabled: false, modifiedTimestamp: null },
    });
    expect(old.features).toMatchObject({ passwordHashSync: false, passwordWriteback: false });
    expect(old.recordSettings).toEqual(['passwordHashSync', 'passwordWriteback']);
    expect(old.signInMethod).toBeNull();
  });

  it('counts password hash sync as off, and flags the mismatch, when only one switch is on', () => {
    const halfOn = baselineFromServerState(stateWith(contoso, {}, company(true)), {
      passwordSync: [{ sourceConnector: 'contoso.com', targetConnector: null, enabled: false }],
      passwordReset: null,
    });
    expect(halfOn.features.passwordHashSync).toBe(false);
    expect(passwordHashSyncMismatch(halfOn)).toBe(true);
  });
});
