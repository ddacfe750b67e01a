import { describe, expect, it } from 'vitest';
import type { ChangeBaseline } from '../../../shared/changes/baseline';
import { optionalFeatureKeys, isHandedOff, featureAvailability } from '../../../shared/changes/features';
import { buildChangePlan, DraftMismatchError, HandedOffError } from '../../../shared/changes/plan';
import { contosoBaseline, currentBaseline, unchangedEdit } from './fixtures';

const options = { cloudDirectory: 'Azure AD' };
const kinds = (plan: { steps: { kind: string }[] }): string[] => plan.steps.map((step) => step.kind);

describe('buildChangePlan', () => {
  it('plans nothing for an unchanged draft without a sync, and only a delta cycle with one', () => {
    const quiet = buildChangePlan(contosoBaseline, { kind: 'customize', edit: unchangedEdit(), startSync: false }, options);
    expect(quiet.steps).toEqual([]);
    expect(quiet.changeCount).toBe(0);
    const sync = buildChangePlan(contosoBaseline, { kind: 'customize', edit: unchangedEdit(), startSync: true }, options);
    expect(kinds(sync)).toEqual(['startSyncCycle']);
    expect(sync.steps[0]).toMatchObject({ policyType: 'Delta', id: 'step-1' });
  });

  it('treats the same OU lists in another order or case as unchanged', () => {
    const edit = unchangedEdit();
    edit.directories[0]!.partitions[0]!.containerInclusions = ['ou=corp,dc=contoso,dc=com'];
    expect(buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: false }, options).steps).toEqual([]);
  });

  it('orders writeback, filters and password hash sync between suspend and resume, then a full cycle', () => {
    const edit = unchangedEdit();
    edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', 'OU=Groups,OU=CORP,DC=contoso,DC=com'];
    edit.features.passwordHashSync = true;
    edit.features.passwordWriteback = true;
    const plan = buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, { ...options, writebackWarning: 'CONTOSO\\MSOL lacks Change password' });
    expect(kinds(plan)).toEqual(['pauseSyncCycles', 'setPasswordWriteback', 'setPartitionFilters', 'setPasswordHashSync', 'restoreSyncCycles', 'startSyncCycle']);
    expect(plan.steps.map((step) => step.id)).toEqual(['step-1', 'step-2', 'step-3', 'step-4', 'step-5', 'step-6']);
    expect(plan.steps[1]).toMatchObject({ connector: 'contoso.onmicrosoft.com - AAD', enable: true, recordSetting: 'Microsoft.OptionalFeature.PasswordWriteback' });
    expect(plan.steps[2]).toMatchObject({
      connectorName: 'contoso.com',
      details: ['Exclude OU=Groups,OU=CORP,DC=contoso,DC=com'],
      partitions: [{ dn: 'DC=contoso,DC=com', selected: true, containerInclusions: ['OU=CORP,DC=contoso,DC=com'] }],
    });
    expect(plan.steps[3]).toMatchObject({
      enable: true,
      sourceConnectors: ['contoso.com'],
      targetConnector: 'contoso.onmicrosoft.com - AAD',
      recordSetting: 'Microsoft.OptionalFeature.PasswordHashSync',
      details: ['Send the password hashes of contoso.com to contoso.onmicrosoft.com - AAD', 'Enable password hash synchronization for the Azure AD tenant'],
    });
    expect(plan.steps[5]).toMatchObject({ policyType: 'Initial' });
    expect(plan.fullSyncRequired).toBe(true);
    expect(plan.warnings).toEqual([expect.stringContaining('500'), 'CONTOSO\\MSOL lacks Change password']);
  });

  it('turns password hash sync on for every AD connector in one step, and records it only where the build has the setting', () => {
    const twoForests: ChangeBaseline = {
      ...contosoBaseline,
      recordSettings: [],
      directories: [...contosoBaseline.directories, { connectorName: 'fabrikam.com', forest: 'fabrikam.com', partitions: [], partitionNames: {} }],
    };
    const on = unchangedEdit(twoForests);
    on.features.passwordHashSync = true;
    const plan = buildChangePlan(twoForests, { kind: 'customize', edit: on, startSync: true }, options);
    expect(kinds(plan)).toEqual(['pauseSyncCycles', 'setPasswordHashSync', 'restoreSyncCycles', 'startSyncCycle']);
    expect(plan.steps[1]).toMatchObject({ sourceConnectors: ['contoso.com', 'fabrikam.com'], recordSetting: null });
    expect(plan.steps.at(-1)).toMatchObject({ policyType: 'Delta' });
    expect(plan.warnings).toEqual([]);
  });

  it('refuses every handed-off feature with a typed refusal, before anything is planned', () => {
    for (const key of optionalFeatureKeys.filter(isHandedOff)) {
      const edit = unchangedEdit();
      edit.features[key] = !edit.features[key];
      expect(() => buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, options), key).toThrow(HandedOffError);
    }
  });

  it('refuses to turn password hash sync off while it is the sign-in method, and staging switches either way', () => {
    const unstaged: ChangeBaseline = { ...currentBaseline, staging: false };
    const off = unchangedEdit(unstaged);
    off.features.passwordHashSync = false;
    expect(() => buildChangePlan(unstaged, { kind: 'customize', edit: off, startSync: false }, options)).toThrow(/sign-in method is Password Hash Synchronization/);
    expect(() => buildChangePlan(contosoBaseline, { kind: 'staging', enabled: true, startSync: true }, options)).toThrow(HandedOffError);
    expect(() => buildChangePlan(currentBaseline, { kind: 'staging', enabled: false, startSync: true }, options)).toThrow(HandedOffError);
    expect(kinds(buildChangePlan(currentBaseline, { kind: 'staging', enabled: true, startSync: true }, options))).toEqual(['startSyncCycle']);
  });

  it('refuses drafts the server cannot take: unknown directory or domain, unreadable feature, password features while staging', () => {
    const unknownDirectory = unchangedEdit();
    unknownDirectory.directories[0] = { connectorName: 'fabrikam.com', partitions: [] };
    expect(() => buildChangePlan(contosoBaseline, { kind: 'customize', edit: unknownDirectory, startSync: false }, options)).toThrow(DraftMismatchError);
    const unknownDomain = unchangedEdit();
    unknownDomain.directories[0]!.partitions[0]!.dn = 'DC=fabrikam,DC=com';
    expect(() => buildChangePlan(contosoBaseline, { kind: 'customize', edit: unknownDomain, startSync: false }, options)).toThrow(/not a partition/);
    const unreadable: ChangeBaseline = { ...contosoBaseline, unreadable: [{ feature: 'passwordWriteback', message: 'Access denied.' }] };
    const writeback = unchangedEdit(unreadable);
    writeback.features.passwordWriteback = true;
    expect(() => buildChangePlan(unreadable, { kind: 'customize', edit: writeback, startSync: false }, options)).toThrow(/Access denied/);
    const staging = { ...contosoBaseline, staging: true };
    const phs = unchangedEdit(staging);
    phs.features.passwordHashSync = true;
    expect(() => buildChangePlan(staging, { kind: 'customize', edit: phs, startSync: false }, options)).toThrow(/staging mode/);
  });
});

describe('featureAvailability', () => {
  const context = { staging: false, signInMethod: null, unreadable: [] };

  it('offers the app-changed features, hands the others off, and locks password hash sync while it is the sign-in method', () => {
    expect(optionalFeatureKeys.filter((key) => featureAvailability(key, context).available)).toEqual(['passwordHashSync', 'passwordWriteback']);
    expect(featureAvailability('groupWriteback', context)).toMatchObject({ available: false, handOff: true, reason: expect.stringMatching(/^Change this feature in Azure AD Connect\./) });
    const locked = featureAvailability('passwordHashSync', { ...context, signInMethod: 'PasswordHashSync', staging: true });
    expect(locked).toEqual({ available: false, reason: expect.stringContaining('would stop password sign-in for every user') });
    expect(featureAvailability('passwordHashSync', { ...context, signInMethod: 'PassThroughAuthentication' })).toEqual({ available: true });
    expect(featureAvailability('passwordWriteback', { ...context, staging: true }).reason).toBe('Unavailable while this server is in staging mode.');
  });
});
