import { describe, expect, it } from 'vitest';
import { baselineFromServerState } from '../../../shared/changes/baseline';
import type { Connector, ServerState } from '../../../shared/sync-server';

const connector = (name: string, type: string, subtype: string | null): Connector => ({
  identifier: null, name, type, subtype, connectorTypeName: type, description: null, listName: null, companyName: null,
  creationTime: null, lastModificationTime: null, partitions: [], runProfiles: [],
});

const stateWith = (connectors: Connector[]): ServerState => ({
  scheduler: null, staging: null, connectors, globalSettings: null, features: null, autoUpgrade: null,
  exportDeletionThreshold: null, lastRuns: null, sectionErrors: [],
});

describe('baselineFromServerState', () => {
  it('names the AD connectors and picks the Azure AD connector by its subtype even after another connector', () => {
    const baseline = baselineFromServerState(stateWith([
      connector('contoso.com', 'AD', null),
      connector('HR database', 'Extensible2', 'Generic SQL (Microsoft)'),
      connector('contoso.onmicrosoft.com - AAD', 'Extensible2', 'Windows Azure Active Directory (Microsoft)'),
      connector('fabrikam.com', 'AD', null),
    ]));
    expect(baseline.directories.map((directory) => directory.connectorName)).toEqual(['contoso.com', 'fabrikam.com']);
    expect(baseline.cloudConnector).toBe('contoso.onmicrosoft.com - AAD');
  });

  it('falls back to the one non-AD connector when the subtype is unknown, and to none without one', () => {
    expect(baselineFromServerState(stateWith([connector('contoso.com', 'AD', null), connector('cloud', 'Extensible2', null)])).cloudConnector).toBe('cloud');
    expect(baselineFromServerState(stateWith([connector('contoso.com', 'AD', null)])).cloudConnector).toBeNull();
  });
});
