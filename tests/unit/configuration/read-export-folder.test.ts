import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportFolder } from '../../../electron/services/configuration/export-folder-reader';
import { configurationSummarySchema, isStandardRule } from '../../../shared/configuration/summary';
import { contoso, contosoFolder } from '../../fixtures/configuration/contoso';

describe('reading the Contoso Get-ADSyncServerConfiguration export', () => {
  it('reads the server, both connectors and their OU filtering', async () => {
    const summary = await readExportFolder(contosoFolder);
    expect(configurationSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.server).toEqual({ name: 'CONTOSO-SYNC01', exportDate: '2016-05-03 14:28:09.784', serverConfigurationVersion: '1.1.130.0' });
    expect(summary.connectors.map((c) => [c.name, c.kind, c.identifier])).toEqual([
      ['contoso.com', 'AD', contoso.adConnectorId],
      ['contoso.onmicrosoft.com - AAD', 'AAD', contoso.aadConnectorId],
    ]);
    const [ad, aad] = summary.connectors;
    expect(ad?.forest).toBe('contoso.com');
    expect(ad?.partitions).toEqual([
      {
        dn: 'DC=contoso,DC=com',
        name: 'contoso.com',
        selected: true,
        objectClasses: ['computer', 'contact', 'foreignSecurityPrincipal', 'group', 'inetOrgPerson', 'msDS-Device', 'user', 'container', 'domainDNS', 'organizationalUnit'],
        containerInclusions: ['OU=CORP,DC=contoso,DC=com'],
        containerExclusions: ['DC=contoso,DC=com'],
      },
    ]);
    expect(ad?.runProfiles.map((r) => r.name)).toEqual(['Full Import', 'Full Synchronization', 'Delta Import', 'Delta Synchronization', 'Export']);
    expect(ad?.runProfiles[0]?.steps).toEqual([{ type: 'full-import', subtype: 'to-cs', partition: 'DC=contoso,DC=com' }]);
    expect(ad?.passwordHashSync).toMatchObject({ enabled: false, targetConnectorId: contoso.aadConnectorId, maximumRetryCount: 10, retryIntervalSeconds: 60 });
    expect(ad?.account).toBe('contoso.com\\MSOL_d1edb676ca03');
    expect(aad?.partitions[0]).toMatchObject({ dn: 'default', containerInclusions: [], containerExclusions: [], objectClasses: ['contact', 'device', 'group', 'user'] });
  });

  it('reads every global setting and derives the optional features', async () => {
    const summary = await readExportFolder(contosoFolder);
    expect(Object.keys(summary.globalSettings)).toHaveLength(37);
    expect(summary.globalSettings['Microsoft.SynchronizationOption.AnchorAttribute']).toBe('objectGUID');
    expect(summary.globalSettings['Microsoft.AADFilter.ApplicationList']).toBe('');
    expect(summary.features).toEqual({
      passwordHashSync: false,
      passwordWriteback: false,
      groupWriteback: false,
      deviceWriteback: false,
      directoryExtensions: false,
      appAndAttributeFiltering: false,
      exchangeHybrid: true,
      exchangeMailPublicFolders: false,
      groupFiltering: false,
      exportDeletionThreshold: { enabled: true, threshold: 500 },
    });
    expect(summary.scheduler).toBeUndefined();
  });

  it('reads all 62 sync rules with their scoping filters, join rules and attribute flows', async () => {
    const summary = await readExportFolder(contosoFolder);
    expect(summary.syncRules).toHaveLength(62);
    expect(summary.syncRules.filter((r) => r.direction === 'Inbound')).toHaveLength(28);
    expect(summary.syncRules.filter((r) => r.linkType === 'Provision')).toHaveLength(9);
    expect(summary.syncRules.every(isStandardRule)).toBe(true);
    const rule = summary.syncRules.find((r) => r.identifier === contoso.groupJoinRuleId);
    expect(rule).toMatchObject({
      name: 'Out to AAD - Group Join',
      internalIdentifier: contoso.groupJoinRuleId,
      immutableTag: 'Microsoft.OuttoAADGroupJoin.006',
      direction: 'Outbound',
      connectorId: contoso.aadConnectorId,
      connectorName: 'contoso.onmicrosoft.com - AAD',
      sourceObjectType: 'group',
      targetObjectType: 'group',
      linkType: 'Provision',
      precedence: 139,
      disabled: false,
    });
    expect(rule?.scopingFilter).toHaveLength(4);
    expect(rule?.scopingFilter[0]?.conditions[0]).toEqual({ attribute: 'cloudFiltered', operator: 'NOTEQUAL', value: 'True' });
    expect(rule?.scopingFilter[0]?.conditions[1]).toEqual({ attribute: 'sourceAnchor', operator: 'ISNOTNULL', value: '' });
    expect(rule?.joinRules).toEqual([{ conditions: [{ sourceAttribute: 'sourceAnchor', targetAttribute: 'sourceAnchor', caseSensitive: false }] }]);
    expect(rule?.attributeFlows).toHaveLength(6);
    expect(rule?.attributeFlows[0]).toEqual({ destination: 'commonName', source: ['cn'], flowType: 'Direct', valueMergeType: 'Update' });
    expect(rule?.attributeFlows[1]).toMatchObject({ destination: 'dn', flowType: 'Expression', expression: '"CN={" & ConvertToUTF8Hex([sourceAnchor]) & "}"' });
    expect(rule?.attributeFlows[4]?.source).toEqual(['cloudSourceAnchor', 'sourceAnchor']);
    const flowCount = summary.syncRules.reduce((n, r) => n + r.attributeFlows.length, 0);
    expect(flowCount).toBe(1200);
    const constants = summary.syncRules.flatMap((r) => r.attributeFlows).filter((f) => f.flowType === 'Constant');
    expect(constants.map((f) => f.constant).sort()).toEqual(['Computer', 'Contact', 'False', 'ServerAd', 'True', 'True', 'True']);
  });

  it('keeps no password, watermark or partition cookie', async () => {
    const summary = await readExportFolder(contosoFolder);
    const text = JSON.stringify(summary);
    const adXml = await readFile(path.join(contosoFolder, contoso.adConnectorFile), 'utf8');
    const cookie = /<cookie>([^<]+)<\/cookie>/.exec(adXml)?.[1] ?? '';
    expect(cookie.length).toBeGreaterThan(40);
    expect(text).not.toContain(cookie.slice(0, 40));
    expect(text).not.toMatch(/cookie|water-?mark|encrypted/i);
    expect(text).not.toMatch(/"password"/i);
  });
});
