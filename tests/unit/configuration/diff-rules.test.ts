import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../../electron/services/configuration/export-folder-reader';
import { diffSummaries } from '../../../shared/configuration/diff';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { contoso, contosoFolder } from '../../fixtures/configuration/contoso';

const clone = (summary: ConfigurationSummary): ConfigurationSummary => structuredClone(summary);

describe('diffSummaries matching rules', () => {
  let base: ConfigurationSummary;
  beforeAll(async () => {
    base = await readExportFolder(contosoFolder);
  });

  it('matches a rule by identity whatever the case of its GUID, so a rename is a modification', () => {
    const after = clone(base);
    const rule = after.syncRules.find((r) => r.identifier === contoso.groupJoinRuleId)!;
    rule.identifier = rule.identifier.toUpperCase();
    rule.name = 'Out to AAD - Group Join (renamed)';
    const diff = diffSummaries(base, after);
    expect(diff.changes).toEqual([
      {
        kind: 'modified',
        objectType: 'syncRule',
        name: 'Out to AAD - Group Join (renamed)',
        id: contoso.groupJoinRuleId.toUpperCase(),
        fields: [{ path: 'name', before: 'Out to AAD - Group Join', after: 'Out to AAD - Group Join (renamed)' }],
      },
    ]);
  });

  it('does not match two rules that only share a name', () => {
    const after = clone(base);
    const rule = after.syncRules.find((r) => r.identifier === contoso.groupJoinRuleId)!;
    rule.identifier = '11111111-2222-3333-4444-555555555555';
    const diff = diffSummaries(base, after);
    expect(diff.changes.map((c) => [c.kind, c.id])).toEqual([
      ['removed', contoso.groupJoinRuleId],
      ['added', '11111111-2222-3333-4444-555555555555'],
    ]);
  });

  it('reports attribute flow, scoping and join changes field by field', () => {
    const after = clone(base);
    const rule = after.syncRules.find((r) => r.identifier === contoso.groupJoinRuleId)!;
    rule.attributeFlows = rule.attributeFlows.filter((f) => f.destination !== 'securityEnabled').reverse();
    rule.attributeFlows.push({ destination: 'description', source: ['info'], flowType: 'Direct' });
    const common = rule.attributeFlows.find((f) => f.destination === 'commonName')!;
    common.flowType = 'Expression';
    common.expression = 'Trim([cn])';
    rule.scopingFilter = rule.scopingFilter.slice(0, 1);
    rule.joinRules[0]!.conditions[0]!.caseSensitive = true;
    const fields = diffSummaries(base, after).changes[0]?.fields ?? [];
    expect(fields.map((f) => f.path)).toEqual([
      'scopingFilter',
      'joinRules',
      'attributeFlows[securityEnabled]',
      'attributeFlows[description]',
      'attributeFlows[commonName].flowType',
      'attributeFlows[commonName].expression',
    ]);
    expect(fields[1]).toEqual({ path: 'joinRules', before: ['sourceAnchor = sourceAnchor'], after: ['sourceAnchor = sourceAnchor (case-sensitive)'] });
    expect(fields[2]).toEqual({ path: 'attributeFlows[securityEnabled]', before: 'Direct: securityEnabled → securityEnabled', after: null });
    expect(fields[5]).toEqual({ path: 'attributeFlows[commonName].expression', before: null, after: 'Trim([cn])' });
  });

  it('compares OU filters as sets, without case, and names what entered and what left', () => {
    const after = clone(base);
    const partition = after.connectors[0]!.partitions[0]!;
    partition.containerInclusions = ['ou=corp,dc=contoso,dc=com'];
    expect(diffSummaries(base, after).changes).toEqual([]);
    partition.containerInclusions = ['OU=Sales,DC=contoso,DC=com'];
    const field = diffSummaries(base, after).changes[0]?.fields[0];
    expect(field).toEqual({
      path: 'containerInclusions',
      before: ['OU=CORP,DC=contoso,DC=com'],
      after: ['OU=Sales,DC=contoso,DC=com'],
      added: ['OU=Sales,DC=contoso,DC=com'],
      removed: ['OU=CORP,DC=contoso,DC=com'],
    });
  });

  it('matches connectors by name when their GUIDs differ (active and staging servers)', () => {
    const after = clone(base);
    after.connectors[0]!.identifier = '99999999-0000-0000-0000-000000000000';
    expect(diffSummaries(base, after).changes).toEqual([]);
    after.connectors[0]!.name = 'fabrikam.com';
    expect(diffSummaries(base, after).changes.map((c) => `${c.kind} ${c.objectType} ${c.name}`)).toEqual([
      'removed connector contoso.com',
      'added connector fabrikam.com',
    ]);
  });

  it('compares global settings (ignoring the next start time), the deletion threshold and the scheduler', () => {
    const before = clone(base);
    const after = clone(base);
    after.globalSettings['Microsoft.Synchronize.NextStartTime'] = 'Wed, 04 May 2016 10:00:00 GMT';
    after.globalSettings['Microsoft.Synchronize.StagingMode'] = 'True';
    after.features!.exportDeletionThreshold = { enabled: true, threshold: 1000 };
    const scheduler = {
      allowedSyncCycleIntervalSeconds: 1800,
      currentlyEffectiveSyncCycleIntervalSeconds: 1800,
      customizedSyncCycleIntervalSeconds: null,
      nextSyncCyclePolicyType: 'Delta',
      nextSyncCycleStartTimeInUtc: '2016-05-03T14:39:16.000Z',
      purgeRunHistoryIntervalSeconds: 604_800,
      syncCycleEnabled: true,
      maintenanceEnabled: true,
      stagingModeEnabled: false,
      schedulerSuspended: false,
      syncCycleInProgress: false,
    } as const;
    before.scheduler = { ...scheduler };
    after.scheduler = { ...scheduler, stagingModeEnabled: true, nextSyncCycleStartTimeInUtc: '2016-05-04T10:00:00.000Z' };
    expect(diffSummaries(before, after).changes).toEqual([
      {
        kind: 'modified',
        objectType: 'globalSetting',
        name: 'Microsoft.Synchronize.StagingMode',
        id: 'Microsoft.Synchronize.StagingMode',
        fields: [{ path: 'value', before: 'False', after: 'True' }],
      },
      { kind: 'modified', objectType: 'feature', name: 'Export deletion threshold', id: 'exportDeletionThreshold', fields: [{ path: 'threshold', before: 500, after: 1000 }] },
      { kind: 'modified', objectType: 'scheduler', name: 'Scheduler', id: 'scheduler', fields: [{ path: 'stagingModeEnabled', before: false, after: true }] },
    ]);
  });
});
