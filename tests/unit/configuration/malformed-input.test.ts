import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSummaryFromPath } from '../../../electron/services/configuration/read-source';
import { AppError } from '../../../shared/core/errors';
import { contoso, copyContoso, editFile, makeTempDir, removeDir } from '../../fixtures/configuration/contoso';

/** The AppError a read fails with (failing the test if the read succeeds). */
async function failureOf(target: string): Promise<AppError> {
  const error = await readSummaryFromPath(target).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('malformed inputs are rejected with the file and the problem named', () => {
  let temp: string;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(async () => removeDir(temp));

  it('a missing folder', async () => {
    const missing = path.join(temp, 'no-such-export');
    const error = await failureOf(missing);
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain(missing);
  });

  it('a folder that is not an export', async () => {
    const folder = path.join(temp, 'documents');
    await mkdir(path.join(folder, 'Connectors'), { recursive: true });
    const error = await failureOf(folder);
    expect(error.code).toBe('NOT_AN_EXPORT');
    expect(error.message).toContain(folder);
    expect(error.message).toContain('GlobalSettings/MV.xml');
    expect(error.message).toContain('SynchronizationRules/');
  });

  it('an export without connectors', async () => {
    const folder = await copyContoso(temp, 'no-connectors');
    await rm(path.join(folder, 'Connectors'), { recursive: true });
    await mkdir(path.join(folder, 'Connectors'));
    const error = await failureOf(folder);
    expect(error.code).toBe('NOT_AN_EXPORT');
    expect(error.message).toContain('holds no connector');
  });

  it('a truncated sync rule file', async () => {
    const folder = await copyContoso(temp, 'truncated-rule');
    await editFile(folder, contoso.ruleFile(contoso.groupJoinRuleId), /<\/synchronizationCriteria>[\s\S]*$/, '');
    const error = await failureOf(folder);
    expect(error.code).toBe('MALFORMED_INPUT');
    expect(error.message).toContain(`SynchronizationRule_{${contoso.groupJoinRuleId}}.xml`);
    expect(error.message).toMatch(/Malformed XML .* \(line \d+, column \d+\)/);
  });

  it('a broken tag in the large connector file, even next to its schema', async () => {
    const folder = await copyContoso(temp, 'broken-connector');
    await editFile(folder, contoso.adConnectorFile, '<selected>1</selected>', '<selected>1</selectd>');
    const error = await failureOf(folder);
    expect(error.code).toBe('MALFORMED_INPUT');
    expect(error.message).toContain(`Connector_{${contoso.adConnectorId}}.xml`);
  });

  it('a well-formed file of the wrong kind', async () => {
    const folder = await copyContoso(temp, 'wrong-kind');
    await writeFile(path.join(folder, contoso.ruleFile(contoso.groupJoinRuleId)), '<notARule><id>x</id></notARule>');
    const error = await failureOf(folder);
    expect(error.code).toBe('MALFORMED_INPUT');
    expect(error.message).toContain('is not a synchronization rule');
  });

  it('a JSON file that does not parse', async () => {
    const file = path.join(temp, 'broken.json');
    await writeFile(file, '{"connectWizardSummary": {');
    const error = await failureOf(file);
    expect(error.code).toBe('MALFORMED_INPUT');
    expect(error.message).toContain(`Malformed JSON in ${file}`);
  });

  it('a JSON file that is not an export', async () => {
    const file = path.join(temp, 'package.json');
    await writeFile(file, '{"name": "something else"}');
    const error = await failureOf(file);
    expect(error.code).toBe('NOT_AN_EXPORT');
    expect(error.message).toContain(file);
  });

  it('a native export whose forests are not a list, naming where (a well-formed one is read: native-export.test.ts)', async () => {
    const file = path.join(temp, 'native.json');
    await writeFile(file, JSON.stringify({ policyMetadata: {}, onpremisesDirectoryPolicy: 'contoso.com', azureDirectoryPolicy: {} }));
    const error = await failureOf(file);
    expect(error.code).toBe('MALFORMED_INPUT');
    expect(error.message).toContain('onpremisesDirectoryPolicy');
  });

  it('an export whose summary has the wrong shape, naming where', async () => {
    const file = path.join(temp, 'bad-shape.json');
    await writeFile(file, JSON.stringify({ connectWizardSummary: { formatVersion: 2, server: {}, connectors: 'none' } }));
    const error = await failureOf(file);
    expect(error.code).toBe('MALFORMED_INPUT');
    expect(error.message).toContain(file);
    expect(error.message).toContain('connectWizardSummary.connectors');
  });
});
