import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryDiffSchema } from '../../../shared/configuration/diff-model';
import { contoso, contosoFolder, copyContoso, editFile, makeTempDir, removeDir } from '../../fixtures/configuration/contoso';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

type Run = { code: number; stdout: string; stderr: string };

function runMain(args: string[], cwd = repoRoot): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, [path.join(repoRoot, 'electron/cli/main.ts'), ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('electron/cli/main.ts as a process', () => {
  let temp: string;
  let changed: string;
  beforeAll(async () => {
    temp = await makeTempDir('summary-cli-');
    changed = await copyContoso(temp, 'changed');
    await editFile(changed, contoso.ruleFile(contoso.groupJoinRuleId), '<precedence>139</precedence>', '<precedence>95</precedence>');
  });
  afterAll(async () => removeDir(temp));

  it('exits 0 for two identical configurations', async () => {
    const run = await runMain(['diff', contosoFolder, await copyContoso(temp, 'same')]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ changes: [], counts: { added: 0, removed: 0, modified: 0 } });
  });

  it('exits 1 and prints the change when they differ', async () => {
    const run = await runMain(['diff', contosoFolder, changed, '--format', 'json']);
    expect(run.code).toBe(1);
    const diff = summaryDiffSchema.parse(JSON.parse(run.stdout));
    expect(diff.changes).toEqual([
      { kind: 'modified', objectType: 'syncRule', name: 'Out to AAD - Group Join', id: contoso.groupJoinRuleId, fields: [{ path: 'precedence', before: 139, after: 95 }] },
    ]);
  });

  it('exits 2 with a message on stderr naming the missing folder', async () => {
    const missing = path.join(temp, 'not-there');
    const run = await runMain(['summary', '--source', missing, '--format', 'json', '--out', path.join(temp, 'x.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(run.stdout).toBe('');
  });

  it('answers --help through npm run cli', async () => {
    const run = await new Promise<Run>((resolve) => {
      execFile('npm', ['run', '-s', 'cli', '--', '--help'], { cwd: repoRoot, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
      );
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage:');
  });
});
