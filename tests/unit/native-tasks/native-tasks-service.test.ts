import { describe, expect, it } from 'vitest';
import { federationSettingsFrom } from '../../../electron/clients/graph/federation-settings';
import { AppError } from '../../../shared/core/errors';
import { LAB_FEDERATION_CONFIGURATIONS } from '../../../lab/index';
import { NativeTasksService, type NativeTasksServiceOptions } from '../../../electron/services/native-tasks/native-tasks-service';
import { signOnMethodLabel } from '../../../shared/native-tasks/state';
import type { CompanyFeatures, Connector, GlobalSettings, TelemetrySetting } from '../../../shared/sync-server';

const settings = (values: Record<string, string | null>): GlobalSettings => ({
  version: 1,
  sqlSchemaVersion: 616,
  instanceId: null,
  parameters: Object.entries(values).map(([name, value]) => ({ name, value, scope: null, dataType: null })),
});
const features: CompanyFeatures = { passwordHashSync: true, forcePasswordChangeOnLogOn: false, userWriteback: false, deviceWriteback: null, unifiedGroupWriteback: false, groupWritebackV2: null };
const connector = (name: string, type: string): Connector => ({
  identifier: null, name, type, subtype: null, connectorTypeName: null, description: null, listName: null, companyName: null, creationTime: null, lastModificationTime: null,
  partitions: [{ identifier: null, dn: 'DC=contoso,DC=com', name: null, selected: true, isDomain: true, containerInclusions: [], containerExclusions: [], objectClasses: [] }],
  runProfiles: [],
});

const signedOut: NativeTasksServiceOptions['auth'] = { getStatus: () => ({ state: 'signedOut', cachePersistence: 'memory' }) };
const signedIn: NativeTasksServiceOptions['auth'] = { getStatus: () => ({ state: 'signedIn', cachePersistence: 'memory' }) };
const fabrikam = { issuerUri: 'http://fs.fabrikam.com/adfs/services/trust', passiveSignInUri: 'https://fs.fabrikam.com/adfs/ls/', preferredAuthenticationProtocol: 'wsFed', signingCertificateExpires: null };
const tenant = (federation: NativeTasksServiceOptions['graph']['federationConfiguration']): NativeTasksServiceOptions['graph'] => ({
  domains: () =>
    Promise.resolve([
      { name: 'contoso.onmicrosoft.com', authenticationType: 'Managed', isVerified: true },
      { name: 'fabrikam.com', authenticationType: 'Federated', isVerified: true },
      { name: 'new.contoso.com', authenticationType: 'Federated', isVerified: false },
    ]),
  federationConfiguration: federation,
});

function service(
  values: Record<string, string | null>,
  telemetry: TelemetrySetting = { readable: false, value: null, reason: 'This machine has no Windows registry to read it from.' },
  cloud: Pick<NativeTasksServiceOptions, 'auth' | 'graph'> = { auth: signedOut, graph: tenant(() => Promise.reject(new Error('not called'))) },
): NativeTasksService {
  const syncServer: NativeTasksServiceOptions['syncServer'] = {
    getTelemetrySetting: () => Promise.resolve(telemetry),
    getGlobalSettings: () => Promise.resolve(settings(values)),
    getCompanyFeatures: () => Promise.resolve(features),
    getConnectors: () => Promise.resolve([connector('contoso.com', 'AD'), connector('contoso.onmicrosoft.com - AAD', 'Extensible2')]),
    getPasswordSyncConfiguration: (source: string) => Promise.resolve({ sourceConnector: source, targetConnector: null, enabled: true }),
  };
  return new NativeTasksService({ syncServer, ...cloud });
}

describe('NativeTasksService', () => {
  it('reads the undocumented telemetry value where it exists, else gives the reason', async () => {
    expect((await service({}).privacy()).telemetry).toEqual({ readable: false, reason: 'This machine has no Windows registry to read it from.' });
    expect((await service({}, { readable: true, value: '1', reason: null }).privacy()).telemetry).toEqual({ readable: true, value: '1' });
  });

  it('device options: writeback from the global settings, the tenant side unreadable when the build does not report it, the SCP not read', async () => {
    const state = await service({ 'Microsoft.OptionalFeature.DeviceWriteBack': 'True', 'Microsoft.DeviceWriteBack.Forest': 'contoso.com', 'Microsoft.DeviceWriteBack.Container': null }).deviceOptions();
    expect(state.deviceWriteback).toEqual({ readable: true, value: { enabled: true, forest: 'contoso.com', container: null } });
    expect(state.tenantDeviceWriteback.readable).toBe(false);
    expect(state.serviceConnectionPoint).toMatchObject({ readable: false, reason: expect.stringContaining('configuration partition') });
  });

  it('sign-in: the stored method and Seamless SSO, or that the server does not record them; only AD connectors count for refresh schema', async () => {
    const current = await service({ 'Microsoft.UserSignIn.SignOnMethod': 'PasswordHashSync', 'Microsoft.UserSignIn.DesktopSsoEnabled': 'False' }).userSignIn();
    expect(current).toMatchObject({ signOnMethod: { readable: true, value: 'PasswordHashSync' }, seamlessSso: { readable: true, value: false }, passwordHashSync: true });
    const old = await service({}).userSignIn();
    expect(old.signOnMethod).toEqual({ readable: false, reason: 'This server does not record Microsoft.UserSignIn.SignOnMethod.' });
    expect((await service({}).refreshSchema()).forests.map((forest) => forest.connectorName)).toEqual(['contoso.com']);
    expect(signOnMethodLabel('PassThroughAuthentication')).toBe('Pass-through authentication');
    expect(signOnMethodLabel('SomethingNew')).toBe('SomethingNew');
  });

  it('federation: the domains with their authentication type and each federated one\'s settings, or the reason Graph gave, or that nobody is signed in', async () => {
    expect((await service({}).federation()).domains).toEqual({ readable: false, reason: expect.stringContaining('Sign in to Azure AD') });
    const refused = new AppError('ACCESS_DENIED', 'Microsoft Graph refused the request: the signed-in account or the app lacks a permission.', 'Authorization_RequestDenied: Insufficient privileges to complete the operation.');
    const state = await service({ 'Microsoft.UserSignIn.SignOnMethod': 'FederationWithADFS' }, undefined, {
      auth: signedIn,
      graph: tenant((domain) => (domain === 'fabrikam.com' ? Promise.resolve(fabrikam) : Promise.reject(refused))),
    }).federation();
    expect(state.domains).toEqual({
      readable: true,
      value: [
        { name: 'contoso.onmicrosoft.com', authenticationType: 'Managed', isVerified: true, federation: null },
        { name: 'fabrikam.com', authenticationType: 'Federated', isVerified: true, federation: { readable: true, value: fabrikam } },
        { name: 'new.contoso.com', authenticationType: 'Federated', isVerified: false, federation: { readable: false, reason: expect.stringContaining('Insufficient privileges') } },
      ],
    });
    const denied = await service({}, undefined, { auth: signedIn, graph: { ...tenant(() => Promise.resolve(undefined)), domains: () => Promise.reject(refused) } }).userSignIn();
    expect(denied.domains).toEqual({ readable: false, reason: `${refused.message} (${refused.detail ?? ''})` });
    expect(denied.passThroughAgents).toMatchObject({ readable: false, reason: expect.stringContaining('OnPremisesPublishingProfiles.ReadWrite.All') });
  });
});

describe('federationSettingsFrom', () => {
  it('keeps the signing certificate\'s expiry, never its body; a value that is not a certificate gives no expiry', () => {
    const configuration = LAB_FEDERATION_CONFIGURATIONS['fabrikam.com']?.[0] as { signingCertificate: string };
    const settings = federationSettingsFrom({ ...fabrikam, signingCertificate: configuration.signingCertificate });
    expect(settings).toEqual({ ...fabrikam, signingCertificateExpires: '2028-11-29T13:49:11.000Z' });
    expect(JSON.stringify(settings)).not.toContain(configuration.signingCertificate.slice(0, 40));
    expect(federationSettingsFrom({ issuerUri: null, signingCertificate: 'bm90IGEgY2VydGlmaWNhdGU=' })).toEqual({ issuerUri: null, passiveSignInUri: null, preferredAuthenticationProtocol: null, signingCertificateExpires: null });
  });
});
