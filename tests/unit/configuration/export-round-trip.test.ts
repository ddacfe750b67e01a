import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../../electron/services/configuration/export-folder-reader';
import { readExportedJson } from '../../../electron/services/configuration/exported-json-reader';
import { writeSummaryExport } from '../../../electron/services/configuration/export-writer';
import { readSummaryFromPath } from '../../../electron/services/configuration/read-source';
import { diffSummaries } from '../../../shared/configuration/diff';
import { defaultExportFileName, defaultExportFolder, reportFileNameFor } from '../../../shared/configuration/export-location';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { buildPolicyExport } from '../../../shared/configuration/policy-export';
import { contoso, contosoFolder, makeTempDir, removeDir } from '../../fixtures/configuration/contoso';

const metadata = { exportedAt: '2026-01-02T03:04:05.000Z', exportedBy: 'Connect wizard 0.1.0' };

describe('the JSON export', () => {
  let temp: string;
  let summary: ConfigurationSummary;
  beforeAll(async () => {
    temp = await makeTempDir();
    summary = await readExportFolder(contosoFolder);
  });
  afterAll(async () => removeDir(temp));

  it('reads back into an equal summary, and compares as the same', async () => {
    const { jsonFile, htmlFile } = await writeSummaryExport(summary, path.join(temp, 'out', defaultExportFileName(new Date(2026, 0, 2, 3, 4, 5))), metadata);
    expect(path.basename(jsonFile)).toBe('ConnectWizard-Configuration-20260102-030405.json');
    expect(path.basename(htmlFile)).toBe('ConnectWizard-Configuration-20260102-030405.html');
    const readBack = await readExportedJson(jsonFile);
    expect(readBack).toEqual(summary);
    expect(await readSummaryFromPath(jsonFile)).toEqual(summary);
    expect(diffSummaries(summary, readBack).changes).toEqual([]);
    expect(await readFile(htmlFile, 'utf8')).toContain('<h1>Synchronization configuration of CONTOSO-SYNC01</h1>');
  });

  it('has the native top-level keys, with AD rules in the forest entry and Azure AD rules in azureDirectoryPolicy', () => {
    const exported = buildPolicyExport(summary, metadata);
    expect(Object.keys(exported)).toEqual(['policyMetadata', 'deploymentMetadata', 'onpremisesDirectoryPolicy', 'azureDirectoryPolicy', 'connectWizardSummary']);
    expect(exported.policyMetadata).toMatchObject({ exportedBy: 'Connect wizard 0.1.0', serverConfigurationVersion: '1.1.130.0' });
    expect(exported.deploymentMetadata).toMatchObject({ hostName: 'CONTOSO-SYNC01', stagingModeEnabled: false });
    expect(exported.onpremisesDirectoryPolicy).toHaveLength(1);
    const forest = exported.onpremisesDirectoryPolicy[0]!;
    expect(forest).toMatchObject({ friendlyName: 'contoso.com', fullyQualifiedDomainName: 'contoso.com', uniqueIdentifier: contoso.adConnectorId });
    expect(forest.partitionFilters).toEqual([
      { distinguishedName: 'DC=contoso,DC=com', containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: ['DC=contoso,DC=com'] },
    ]);
    const adRules = summary.syncRules.filter((r) => r.connectorId === contoso.adConnectorId).length;
    expect(forest.standardSynchronizationRules).toHaveLength(adRules);
    expect(forest.customSynchronizationRules).toEqual([]);
    expect(exported.azureDirectoryPolicy.standardSynchronizationRules).toHaveLength(62 - adRules);
    expect(exported.azureDirectoryPolicy.standardSynchronizationRules.find((r) => r.uniqueIdentifier === contoso.groupJoinRuleId)).toEqual({
      name: 'Out to AAD - Group Join',
      uniqueIdentifier: contoso.groupJoinRuleId,
      immutableTag: 'Microsoft.OuttoAADGroupJoin.006',
      precedence: 139,
      disabled: false,
    });
  });

  it('lists a rule without an immutable tag as custom, with its scoping filters and mappings', () => {
    const custom = structuredClone(summary);
    const rule = custom.syncRules.find((r) => r.identifier === contoso.groupJoinRuleId)!;
    delete rule.immutableTag;
    const exported = buildPolicyExport(custom, metadata);
    expect(exported.azureDirectoryPolicy.customSynchronizationRules).toHaveLength(1);
    expect(exported.azureDirectoryPolicy.customSynchronizationRules[0]).toMatchObject({
      name: 'Out to AAD - Group Join',
      source: 'group',
      target: 'group',
      direction: 'Outbound',
      linkType: 'Provision',
      precedence: 139,
      uniqueIdentifier: contoso.groupJoinRuleId,
      internalIdentifier: contoso.groupJoinRuleId,
    });
    expect(exported.azureDirectoryPolicy.customSynchronizationRules[0]?.scopeFilters[0]?.scopeConditions[0]).toEqual({
      attribute: 'cloudFiltered',
      condition: 'NOTEQUAL',
      value: 'True',
    });
    expect(exported.azureDirectoryPolicy.customSynchronizationRules[0]?.attributeMappings).toHaveLength(6);
  });

  it('contains no partition cookie, watermark or password', async () => {
    const adXml = await readFile(path.join(contosoFolder, contoso.adConnectorFile), 'utf8');
    const aadXml = await readFile(path.join(contosoFolder, `Connectors/Connector_{${contoso.aadConnectorId}}.xml`), 'utf8');
    const cookie = /<cookie>([^<]+)<\/cookie>/.exec(adXml)?.[1] ?? '';
    const watermark = /<water-mark>([^<]+)<\/water-mark>/.exec(aadXml)?.[1] ?? '';
    expect(cookie.length).toBeGreaterThan(40);
    expect(watermark.length).toBeGreaterThan(40);
    const text = JSON.stringify(buildPolicyExport(summary, metadata));
    for (const secret of [cookie, watermark]) expect(text).not.toContain(secret.slice(0, 32));
    expect(text).not.toMatch(/cookie|water-?mark|encrypted-string|"password"/i);
  });
});

describe('export file name and folder', () => {
  it('names the file ConnectWizard-Configuration-<yyyyMMdd-HHmmss>.json in local time', () => {
    expect(defaultExportFileName(new Date(2025, 11, 31, 23, 59, 7))).toBe('ConnectWizard-Configuration-20251231-235907.json');
    expect(reportFileNameFor('ConnectWizard-Configuration-20251231-235907.json')).toBe('ConnectWizard-Configuration-20251231-235907.html');
  });

  it('defaults to %ProgramData%\\AADConnect on Windows and to the app data folder elsewhere', () => {
    expect(defaultExportFolder('win32', { ProgramData: 'D:\\ProgramData' }, 'C:\\Users\\a\\AppData\\Roaming\\app')).toBe('D:\\ProgramData\\AADConnect');
    expect(defaultExportFolder('win32', {}, 'x')).toBe('C:\\ProgramData\\AADConnect');
    expect(defaultExportFolder('linux', { ProgramData: 'ignored' }, '/home/a/.config/app')).toBe('/home/a/.config/app');
  });
});
