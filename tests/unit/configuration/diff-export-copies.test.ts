import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../../electron/services/configuration/export-folder-reader';
import { diffSummaries } from '../../../shared/configuration/diff';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { addRule, contoso, copyContoso, editFile, makeTempDir, removeDir } from '../../fixtures/configuration/contoso';

/** Each case edits its own copy of the Contoso export, as an administrator's change would. */
describe('comparing the Contoso export with a changed copy', () => {
  let temp: string;
  let original: ConfigurationSummary;

  beforeAll(async () => {
    temp = await makeTempDir();
    original = await readExportFolder(await copyContoso(temp, 'original'));
  });
  afterAll(async () => removeDir(temp));

  const changedCopy = async (name: string, change: (folder: string) => Promise<void>) => {
    const folder = await copyContoso(temp, name);
    await change(folder);
    return diffSummaries(original, await readExportFolder(folder));
  };

  it('finds nothing between two identical copies', async () => {
    const diff = await changedCopy('same', async () => {});
    expect(diff).toEqual({ changes: [], counts: { added: 0, removed: 0, modified: 0 } });
  });

  it('reports a disabled rule', async () => {
    const diff = await changedCopy('disabled', (f) => editFile(f, contoso.ruleFile(contoso.groupJoinRuleId), '<disabled>False</disabled>', '<disabled>True</disabled>'));
    expect(diff.changes).toEqual([
      { kind: 'modified', objectType: 'syncRule', name: 'Out to AAD - Group Join', id: contoso.groupJoinRuleId, fields: [{ path: 'disabled', before: false, after: true }] },
    ]);
    expect(diff.counts).toEqual({ added: 0, removed: 0, modified: 1 });
  });

  it('reports an added rule', async () => {
    const id = '7e57a11d-0000-4000-8000-000000000001';
    const diff = await changedCopy('added', async (f) => void (await addRule(f, contoso.groupJoinRuleId, 'Out to AAD - Custom group rule', id)));
    expect(diff.changes).toEqual([{ kind: 'added', objectType: 'syncRule', name: 'Out to AAD - Custom group rule', id, fields: [] }]);
    expect(diff.counts).toEqual({ added: 1, removed: 0, modified: 0 });
  });

  it('reports a removed rule', async () => {
    const diff = await changedCopy('removed', (f) => rm(path.join(f, contoso.ruleFile(contoso.groupJoinRuleId))));
    expect(diff.changes).toEqual([{ kind: 'removed', objectType: 'syncRule', name: 'Out to AAD - Group Join', id: contoso.groupJoinRuleId, fields: [] }]);
    expect(diff.counts).toEqual({ added: 0, removed: 1, modified: 0 });
  });

  it('reports a changed precedence', async () => {
    const diff = await changedCopy('precedence', (f) => editFile(f, contoso.ruleFile(contoso.groupJoinRuleId), '<precedence>139</precedence>', '<precedence>90</precedence>'));
    expect(diff.changes).toEqual([
      { kind: 'modified', objectType: 'syncRule', name: 'Out to AAD - Group Join', id: contoso.groupJoinRuleId, fields: [{ path: 'precedence', before: 139, after: 90 }] },
    ]);
  });

  it('reports an added OU exclusion with the DN that was added', async () => {
    const diff = await changedCopy('exclusion', (f) =>
      editFile(f, contoso.adConnectorFile, '<exclusion>DC=contoso,DC=com</exclusion>', '<exclusion>DC=contoso,DC=com</exclusion><exclusion>OU=Test,OU=CORP,DC=contoso,DC=com</exclusion>'),
    );
    expect(diff.changes).toEqual([
      {
        kind: 'modified',
        objectType: 'partition',
        name: 'contoso.com / DC=contoso,DC=com',
        id: `${contoso.adConnectorId}/DC=contoso,DC=com`,
        fields: [
          {
            path: 'containerExclusions',
            before: ['DC=contoso,DC=com'],
            after: ['DC=contoso,DC=com', 'OU=Test,OU=CORP,DC=contoso,DC=com'],
            added: ['OU=Test,OU=CORP,DC=contoso,DC=com'],
            removed: [],
          },
        ],
      },
    ]);
  });

  it('reports password hash sync switched on: the connector, the global setting and the feature', async () => {
    const diff = await changedCopy('phs', async (f) => {
      await editFile(f, contoso.adConnectorFile, '<password-hash-sync-config><enabled>0</enabled>', '<password-hash-sync-config><enabled>1</enabled>');
      await editFile(f, contoso.settingsFile, /(name="Microsoft\.OptionalFeature\.PasswordHashSync"[^>]*>)False/, '$1True');
    });
    expect(diff.changes).toEqual([
      { kind: 'modified', objectType: 'connector', name: 'contoso.com', id: contoso.adConnectorId, fields: [{ path: 'passwordHashSync.enabled', before: false, after: true }] },
      {
        kind: 'modified',
        objectType: 'globalSetting',
        name: 'Microsoft.OptionalFeature.PasswordHashSync',
        id: 'Microsoft.OptionalFeature.PasswordHashSync',
        fields: [{ path: 'value', before: 'False', after: 'True' }],
      },
      { kind: 'modified', objectType: 'feature', name: 'Password hash synchronization', id: 'passwordHashSync', fields: [{ path: 'enabled', before: false, after: true }] },
    ]);
  });

  it('reports several changes at once in a stable order, and the reverse comparison mirrors it', async () => {
    const folder = await copyContoso(temp, 'many');
    await editFile(folder, contoso.ruleFile(contoso.groupJoinRuleId), '<disabled>False</disabled>', '<disabled>True</disabled>');
    await rm(path.join(folder, contoso.ruleFile('0870f2a3-0a77-46a4-bda3-ced0c1afbde9')));
    await addRule(folder, contoso.groupJoinRuleId, 'A custom rule', '7e57a11d-0000-4000-8000-000000000002');
    const changed = await readExportFolder(folder);
    const forward = diffSummaries(original, changed);
    expect(forward.counts).toEqual({ added: 1, removed: 1, modified: 1 });
    // Sorted by object type, then name.
    expect(forward.changes.map((c) => `${c.objectType}:${c.kind}:${c.name}`)).toEqual([
      'syncRule:added:A custom rule',
      'syncRule:removed:In from AAD - User NGCKey',
      'syncRule:modified:Out to AAD - Group Join',
    ]);
    expect(diffSummaries(original, changed)).toEqual(forward);
    const backward = diffSummaries(changed, original);
    expect(backward.counts).toEqual({ added: 1, removed: 1, modified: 1 });
    expect(backward.changes.find((c) => c.kind === 'modified')?.fields).toEqual([{ path: 'disabled', before: true, after: false }]);
  });
});
