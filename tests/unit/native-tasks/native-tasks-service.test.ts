import { describe, expect, it } from 'vitest';
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

function service(values: Record<string, string | null>, telemetry: TelemetrySetting = { readable: false, value: null, reason: 'This machine has no Windows registry to read it from.' }): NativeTasksService {
  const syncServer: NativeTasksServiceOptions['syncServer'] = {
    getTelemetrySetting: () => Promise.resolve(telemetry),
    getGlobalSettings: () => Promise.resolve(settings(values)),
    getCompanyFeatures: () => Promise.resolve(features),
    getConnectors: () => Promise.resolve([connector('contoso.com', 'AD'), connector('contoso.onmicrosoft.com - AAD', 'Extensible2')]),
    getPasswordSyncConfiguration: (source: string) => Promise.resolve({ sourceConnector: source, targetConnector: null, enabled: true }),
  };
  return new NativeTasksService({ syncServer });
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
});
