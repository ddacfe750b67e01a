import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';
import { readExportedJson } from '../../../electron/services/configuration/exported-json-reader';
import { summaryDiffSchema } from '../../../shared/configuration/diff-model';
import { makeTempDir, removeDir } from '../../fixtures/configuration/contoso';

/** Shaped like Azure AD Connect's own export (adsync-powershell.md §13): its four top-level keys, no app section. */
function nativeExport(exclusions: string[]) {
  return {
    policyMetadata: { version: '2.4.27.0', exportedAt: '2026-01-02T03:04:05Z' },
    deploymentMetadata: { serviceAccount: 'CONTOSO\\ADSyncMSA1a2b3$', serviceAccountType: 'ManagedServiceAccount' },
    azureDirectoryPolicy: {
      customSynchronizationRules: [],
      standardSynchronizationRules: [{ Name: 'In from AAD - User Join', uniqueIdentifier: '{11111111-2222-3333-4444-555555555555}', immutableTag: 'Microsoft.InfromAADUserJoin.003', precedence: 115 }],
    },
    onpremisesDirectoryPolicy: [
      {
        friendlyName: 'contoso.com',
        fullyQualifiedDomainName: 'contoso.com',
        uniqueIdentifier: '{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D}',
        partitionFilters: [{ distinguishedName: 'DC=contoso,DC=com', containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: exclusions }],
        customSynchronizationRules: [
          {
            name: 'In from AD - User Contractors',
            uniqueIdentifier: '{99999999-8888-7777-6666-555555555555}',
            internalIdentifier: '{99999999-8888-7777-6666-555555555556}',
            precedence: 50,
            description: 'Contractors keep their department',
            direction: 'Inbound',
            linkType: 'Join',
            scopeFilters: [{ attribute: 'department', condition: 'EQUAL', value: 'Contractors' }],
            attributeMappings: [{ destination: 'department', source: ['department'] }],
          },
        ],
        standardSynchronizationRules: [{ name: 'In from AD - User Join', uniqueIdentifier: '{22222222-2222-3333-4444-555555555555}', immutableTag: 'Microsoft.InfromADUserJoin.006', precedence: 100 }],
      },
    ],
  };
}

function captureIo(cwd: string): { io: CliIo; out: () => string } {
  let out = '';
  return { io: { stdout: (text) => (out += text), stderr: () => undefined, cwd, now: () => new Date('2026-01-02T03:04:05.000Z') }, out: () => out };
}

describe('a native JSON export', () => {
  let temp: string;
  let before: string;
  let after: string;
  beforeAll(async () => {
    temp = await makeTempDir();
    before = path.join(temp, 'Exported-SynchronizationPolicy-before.json');
    after = path.join(temp, 'Exported-SynchronizationPolicy-after.json');
    await writeFile(before, JSON.stringify(nativeExport(['DC=contoso,DC=com'])));
    await writeFile(after, JSON.stringify(nativeExport(['DC=contoso,DC=com', 'OU=Contractors,OU=CORP,DC=contoso,DC=com'])));
  });
  afterAll(async () => removeDir(temp));

  it('reads into the configuration summary: forests, OU filters and rules, what it lacks left absent', async () => {
    const summary = await readExportedJson(before);
    expect(summary.connectors.map((connector) => [connector.identifier, connector.name, connector.kind])).toEqual([
      ['ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d', 'contoso.com', 'AD'],
      ['azure-directory-policy', 'Azure AD (azureDirectoryPolicy)', 'AAD'],
    ]);
    expect(summary.connectors[0]?.partitions).toEqual([
      expect.objectContaining({ dn: 'DC=contoso,DC=com', containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: ['DC=contoso,DC=com'] }),
    ]);
    expect(summary.syncRules.map((rule) => [rule.name, rule.immutableTag ?? null, rule.connectorName])).toEqual([
      ['In from AD - User Contractors', null, 'contoso.com'],
      ['In from AD - User Join', 'Microsoft.InfromADUserJoin.006', 'contoso.com'],
      ['In from AAD - User Join', 'Microsoft.InfromAADUserJoin.003', 'Azure AD (azureDirectoryPolicy)'],
    ]);
    expect(summary.syncRules[0]?.scopingFilter).toEqual([{ conditions: [{ attribute: 'department', operator: 'EQUAL', value: 'Contractors' }] }]);
    expect(summary.features).toBeUndefined();
    expect(summary.notInExport).toEqual(['globalSettings', 'features', 'runProfiles', 'partitionDetails']);
    expect(summary.server.serverConfigurationVersion).toBe('2.4.27.0');
  });

  it('refuses a JSON file with neither the app section nor the native keys', async () => {
    const other = path.join(temp, 'other.json');
    await writeFile(other, JSON.stringify({ policyMetadata: {} }));
    await expect(readExportedJson(other)).rejects.toMatchObject({ code: 'NOT_AN_EXPORT' });
  });

  it('compares in the CLI: the same export has no changes, an excluded OU is one change, and the report says what is not in the export', async () => {
    const same = captureIo(temp);
    expect(await runCli(['diff', before, before, '--format', 'json'], same.io)).toBe(0);
    const changed = captureIo(temp);
    expect(await runCli(['diff', before, after, '--format', 'json'], changed.io)).toBe(1);
    const diff = summaryDiffSchema.parse(JSON.parse(changed.out()));
    expect(diff.counts).toEqual({ added: 0, removed: 0, modified: 1 });
    expect(diff.changes[0]).toMatchObject({ objectType: 'partition', fields: [expect.objectContaining({ path: 'containerExclusions', added: ['OU=Contractors,OU=CORP,DC=contoso,DC=com'] })] });
    const report = captureIo(temp);
    expect(await runCli(['summary', '--source', before, '--format', 'html', '--out', 'native.html'], report.io)).toBe(0);
    expect(await readFile(path.join(temp, 'native.html'), 'utf8')).toContain('Not in this export');
  });
});
