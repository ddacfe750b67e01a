import { describe, expect, it } from 'vitest';
import type { ChangeBaseline } from '../../../shared/changes/baseline';
import { buildChangePlan, DraftMismatchError } from '../../../shared/changes/plan';
import { contosoBaseline, unchangedEdit } from './fixtures';

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

  it('orders an OU exclusion and password hash sync as suspend, filters, settings, tenant features, resume, full sync', () => {
    const edit = unchangedEdit();
    edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', 'OU=Groups,OU=CORP,DC=contoso,DC=com'];
    edit.features.passwordHashSync = true;
    const plan = buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, options);
    expect(kinds(plan)).toEqual(['suspendScheduler', 'setPartitionFilters', 'setGlobalSettings', 'setCompanyFeatures', 'setPasswordSync', 'resumeScheduler', 'startSyncCycle']);
    expect(plan.steps.map((step) => step.id)).toEqual(['step-1', 'step-2', 'step-3', 'step-4', 'step-5', 'step-6', 'step-7']);
    expect(plan.steps[1]).toMatchObject({
      connectorName: 'contoso.com',
      details: ['Exclude OU=Groups,OU=CORP,DC=contoso,DC=com'],
      partitions: [{ dn: 'DC=contoso,DC=com', selected: true, containerInclusions: ['OU=CORP,DC=contoso,DC=com'] }],
    });
    expect(plan.steps[2]).toMatchObject({ settings: [{ name: 'Microsoft.OptionalFeature.PasswordHashSync', value: 'True' }], details: ['Enable Password hash synchronization'] });
    expect(plan.steps[3]).toMatchObject({ change: { passwordHashSync: true } });
    expect(plan.steps[6]).toMatchObject({ policyType: 'Initial' });
    expect(plan.fullSyncRequired).toBe(true);
    expect(plan.warnings.join(' ')).toContain('500');
  });

  it('asks only for a delta cycle when password hash sync is the only change', () => {
    const edit = unchangedEdit();
    edit.features.passwordHashSync = true;
    const plan = buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, options);
    expect(plan.steps.at(-1)).toMatchObject({ kind: 'startSyncCycle', policyType: 'Delta' });
    expect(plan.warnings).toEqual([]);
  });

  it('turns password hash sync on or off for every AD connector, toward the Azure AD connector, right after the tenant features', () => {
    const twoForests: ChangeBaseline = {
      ...contosoBaseline,
      directories: [
        ...contosoBaseline.directories,
        { connectorName: 'fabrikam.com', forest: 'fabrikam.com', partitions: [], partitionNames: {} },
      ],
    };
    const on = unchangedEdit(twoForests);
    on.features.passwordHashSync = true;
    const enable = buildChangePlan(twoForests, { kind: 'customize', edit: on, startSync: false }, options);
    expect(kinds(enable)).toEqual(['suspendScheduler', 'setGlobalSettings', 'setCompanyFeatures', 'setPasswordSync', 'setPasswordSync', 'resumeScheduler']);
    expect(enable.steps.filter((step) => step.kind === 'setPasswordSync')).toEqual([
      expect.objectContaining({ title: 'Turn on password hash synchronization for contoso.com', sourceConnector: 'contoso.com', targetConnector: 'contoso.onmicrosoft.com - AAD', enable: true }),
      expect.objectContaining({ title: 'Turn on password hash synchronization for fabrikam.com', sourceConnector: 'fabrikam.com', targetConnector: 'contoso.onmicrosoft.com - AAD', enable: true }),
    ]);

    const phsOn: ChangeBaseline = { ...contosoBaseline, features: { ...contosoBaseline.features, passwordHashSync: true } };
    const off = unchangedEdit(phsOn);
    off.features.passwordHashSync = false;
    const disable = buildChangePlan(phsOn, { kind: 'customize', edit: off, startSync: false }, options);
    expect(disable.steps.filter((step) => step.kind === 'setPasswordSync')).toEqual([
      expect.objectContaining({ title: 'Turn off password hash synchronization for contoso.com', sourceConnector: 'contoso.com', enable: false }),
    ]);
  });

  it('leaves password hash sync of the connectors alone when the draft does not change it', () => {
    const edit = unchangedEdit();
    edit.features.groupWriteback = true;
    edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', 'OU=Groups,OU=CORP,DC=contoso,DC=com'];
    const plan = buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, options);
    expect(kinds(plan)).toEqual(['suspendScheduler', 'setPartitionFilters', 'setGlobalSettings', 'setCompanyFeatures', 'resumeScheduler', 'startSyncCycle']);
    const staging = buildChangePlan(contosoBaseline, { kind: 'staging', enabled: true, startSync: false }, options);
    expect(kinds(staging)).not.toContain('setPasswordSync');
  });

  it('refuses to change password hash sync on a server without an Azure AD connector', () => {
    const noCloud: ChangeBaseline = { ...contosoBaseline, cloudConnector: null };
    const edit = unchangedEdit(noCloud);
    edit.features.passwordHashSync = true;
    expect(() => buildChangePlan(noCloud, { kind: 'customize', edit, startSync: false }, options)).toThrow(DraftMismatchError);
  });

  it('writes the app list, excluded attributes and extension attributes only while their feature is ticked', () => {
    const edit = unchangedEdit();
    edit.aadApps = ['ExchangeOnline'];
    edit.extensionAttributes = ['employeeNumber'];
    expect(buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: false }, options).steps).toEqual([]);
    edit.features.appAndAttributeFiltering = true;
    edit.features.directoryExtensions = true;
    edit.excludedAttributes = ['mobile'];
    const plan = buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: false }, options);
    const settings = plan.steps.find((step) => step.kind === 'setGlobalSettings');
    expect(settings).toMatchObject({
      settings: [
        { name: 'Microsoft.OptionalFeature.FilterAAD', value: 'True' },
        { name: 'Microsoft.OptionalFeature.DirectoryExtension', value: 'True' },
        { name: 'Microsoft.AADFilter.ApplicationList', value: 'ExchangeOnline' },
        { name: 'Microsoft.AADFilter.AttributeExclusionList', value: 'mobile' },
        { name: 'Microsoft.OptionalFeature.DirectoryExtensionAttributes', value: 'employeeNumber.user.String.True' },
      ],
    });
  });

  it('refuses drafts the server cannot take: unknown directory or domain, missing setting, password features while staging', () => {
    const unknownDirectory = unchangedEdit();
    unknownDirectory.directories[0] = { connectorName: 'fabrikam.com', partitions: [] };
    expect(() => buildChangePlan(contosoBaseline, { kind: 'customize', edit: unknownDirectory, startSync: false }, options)).toThrow(DraftMismatchError);
    const unknownDomain = unchangedEdit();
    unknownDomain.directories[0]!.partitions[0]!.dn = 'DC=fabrikam,DC=com';
    expect(() => buildChangePlan(contosoBaseline, { kind: 'customize', edit: unknownDomain, startSync: false }, options)).toThrow(/not a partition/);
    const publicFolders = unchangedEdit();
    publicFolders.features.exchangeMailPublicFolders = true;
    expect(() => buildChangePlan(contosoBaseline, { kind: 'customize', edit: publicFolders, startSync: false }, options)).toThrow(/does not offer/);
    const phs = unchangedEdit({ ...contosoBaseline, staging: true });
    phs.features.passwordHashSync = true;
    expect(() => buildChangePlan({ ...contosoBaseline, staging: true }, { kind: 'customize', edit: phs, startSync: false }, options)).toThrow(/staging mode/);
  });

  it('plans staging mode: nothing when unchanged, suspend/set/resume when changed, cycle last when asked', () => {
    expect(buildChangePlan(contosoBaseline, { kind: 'staging', enabled: false, startSync: false }, options).steps).toEqual([]);
    const enable = buildChangePlan(contosoBaseline, { kind: 'staging', enabled: true, startSync: true }, options);
    expect(kinds(enable)).toEqual(['suspendScheduler', 'setStagingMode', 'resumeScheduler', 'startSyncCycle']);
    expect(enable.steps[1]).toMatchObject({ enabled: true, title: 'Enable staging mode' });
    expect(enable.steps[3]).toMatchObject({ policyType: 'Delta' });
    const disable = buildChangePlan({ ...contosoBaseline, staging: true }, { kind: 'staging', enabled: false, startSync: false }, options);
    expect(disable.steps[1]).toMatchObject({ title: 'Disable staging mode' });
  });
});
