import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';
import type { LiveConfigurationSource } from '../../../electron/services/configuration/live-source';
import { summaryDiffSchema } from '../../../shared/configuration/diff-model';
import { contoso, contosoFolder, copyContoso, editFile, makeTempDir, removeDir } from '../../fixtures/configuration/contoso';

type Captured = { io: CliIo; out: () => string; err: () => string };

function captureIo(cwd: string, labSource?: () => LiveConfigurationSource): Captured {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd,
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    ...(labSource ? { labSource: () => ({ ...labSource(), scratchFolder: path.join(cwd, 'scratch') }) } : {}),
  };
  return { io, out: () => out, err: () => err };
}

describe('the command line', () => {
  let temp: string;
  let changed: string;
  beforeAll(async () => {
    temp = await makeTempDir();
    changed = await copyContoso(temp, 'changed');
    await editFile(changed, contoso.ruleFile(contoso.groupJoinRuleId), '<disabled>False</disabled>', '<disabled>True</disabled>');
  });
  afterAll(async () => removeDir(temp));

  it('prints its usage for --help and exits 0', async () => {
    const c = captureIo(temp);
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out()).toContain('summary --source <folder|file.json|lab>');
    expect(c.out()).toContain('diff <sourceA> <sourceB>');
  });

  it('exits 2 with the usage when no command is given, and names an unknown option', async () => {
    const none = captureIo(temp);
    expect(await runCli([], none.io)).toBe(2);
    expect(none.err()).toContain('Usage:');
    const unknown = captureIo(temp);
    expect(await runCli(['summary', '--colour', 'red'], unknown.io)).toBe(2);
    expect(unknown.err()).toContain('--colour');
  });

  it('writes a JSON summary that a diff reads back as the same configuration', async () => {
    const write = captureIo(temp);
    expect(await runCli(['summary', '--source', contosoFolder, '--format', 'json', '--out', 'out/export.json'], write.io)).toBe(0);
    const exported = JSON.parse(await readFile(path.join(temp, 'out/export.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(exported)).toContain('onpremisesDirectoryPolicy');
    const compare = captureIo(temp);
    expect(await runCli(['diff', contosoFolder, 'out/export.json'], compare.io)).toBe(0);
    expect(summaryDiffSchema.parse(JSON.parse(compare.out()))).toEqual({ changes: [], counts: { added: 0, removed: 0, modified: 0 } });
  });

  it('writes the HTML report', async () => {
    const c = captureIo(temp);
    expect(await runCli(['summary', '--source', contosoFolder, '--format', 'html', '--out', 'report.html'], c.io)).toBe(0);
    expect(await readFile(path.join(temp, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('exits 1 when the configurations differ, printing the changes as JSON', async () => {
    const c = captureIo(temp);
    expect(await runCli(['diff', contosoFolder, changed, '--format', 'json'], c.io)).toBe(1);
    const diff = summaryDiffSchema.parse(JSON.parse(c.out()));
    expect(diff.counts).toEqual({ added: 0, removed: 0, modified: 1 });
    expect(diff.changes[0]).toMatchObject({ kind: 'modified', objectType: 'syncRule', id: contoso.groupJoinRuleId });
  });

  it('writes the HTML comparison to --out and still exits 1', async () => {
    const c = captureIo(temp);
    expect(await runCli(['diff', contosoFolder, changed, '--format', 'html', '--out', 'diff.html'], c.io)).toBe(1);
    expect(c.out()).toBe('');
    const html = await readFile(path.join(temp, 'diff.html'), 'utf8');
    expect(html).toContain('Out to AAD - Group Join');
  });

  it('exits 2 naming the missing folder', async () => {
    const c = captureIo(temp);
    expect(await runCli(['diff', contosoFolder, 'missing-export'], c.io)).toBe(2);
    expect(c.err()).toContain(path.join(temp, 'missing-export'));
    expect(c.err()).toContain('does not exist');
    expect(c.out()).toBe('');
  });

  it('exits 2 naming the malformed XML file', async () => {
    const broken = await copyContoso(temp, 'broken');
    await editFile(broken, contoso.settingsFile, '</parameter-values>', '</parameter-value>');
    const c = captureIo(temp);
    expect(await runCli(['summary', '--source', broken, '--format', 'json'], c.io)).toBe(2);
    expect(c.err()).toContain('MALFORMED_INPUT');
    expect(c.err()).toContain(path.join(broken, 'GlobalSettings', 'MV.xml'));
  });

  it('exits 2 on a bad format or a diff with one source', async () => {
    const format = captureIo(temp);
    expect(await runCli(['summary', '--source', contosoFolder, '--format', 'pdf'], format.io)).toBe(2);
    expect(format.err()).toContain('Unknown format "pdf"');
    const one = captureIo(temp);
    expect(await runCli(['diff', contosoFolder], one.io)).toBe(2);
    expect(one.err()).toContain('exactly two sources');
  });

  it('reads --source lab through the live source it is given', async () => {
    const scheduler = {
      allowedSyncCycleIntervalSeconds: 1800,
      currentlyEffectiveSyncCycleIntervalSeconds: 1800,
      customizedSyncCycleIntervalSeconds: null,
      nextSyncCyclePolicyType: 'Delta',
      nextSyncCycleStartTimeInUtc: '2026-01-02T03:34:05.000Z',
      purgeRunHistoryIntervalSeconds: 604_800,
      syncCycleEnabled: true,
      maintenanceEnabled: true,
      stagingModeEnabled: false,
      schedulerSuspended: false,
      syncCycleInProgress: false,
    } as const;
    let exportedTo = '';
    const lab: LiveConfigurationSource = {
      exportServerConfiguration: async (folder) => {
        exportedTo = folder;
        await cp(contosoFolder, folder, { recursive: true });
      },
      getScheduler: async () => scheduler,
    };
    const c = captureIo(temp, () => lab);
    expect(await runCli(['summary', '--source', 'lab'], c.io)).toBe(0);
    const exported = JSON.parse(c.out()) as { connectWizardSummary: { scheduler: unknown; syncRules: unknown[] } };
    expect(exported.connectWizardSummary.scheduler).toEqual(scheduler);
    expect(exported.connectWizardSummary.syncRules).toHaveLength(62);
    expect(exportedTo).not.toBe('');
    await expect(readFile(path.join(exportedTo, contoso.settingsFile))).rejects.toThrow();
  });
});
