import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithLab } from '../../../electron/cli/run-with-lab';
import { findPwsh } from '../../../electron/main/pwsh-location';
import { readExportFolder } from '../../../electron/services/configuration/export-folder-reader';
import { diffSummaries } from '../../../shared/configuration/diff';
import { policyExportFileSchema } from '../../../shared/configuration/policy-export';
import { contosoFolder, makeTempDir, removeDir } from '../../fixtures/configuration/contoso';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const assetsFolder = path.join(repoRoot, 'assets');
const labPackageFolder = path.join(repoRoot, 'lab');

/** `summary --source lab` as the command line runs it: the app's own session and sync server client on the lab target. */
describe('the command line on the lab sync server (real pwsh)', () => {
  let temp: string;
  beforeAll(async () => {
    temp = await makeTempDir('summary-cli-lab-');
  });
  afterAll(async () => removeDir(temp));

  it('summarizes the seeded lab like the Contoso export, with its scheduler, passing paths as data', async () => {
    // Hostile on purpose: a value spliced into script text would run `$(...)`.
    const labFolder = path.join(temp, "state $(New-Item pwned) 'quoted'");
    const out = path.join(temp, 'lab-summary.json');
    const code = await runCliWithLab(['summary', '--source', 'lab', '--format', 'json', '--out', out], { assetsFolder, labPackageFolder, labFolder, pwshPath: findPwsh() }, 'test');
    expect(code).toBe(0);
    const summary = policyExportFileSchema.parse(JSON.parse(await readFile(out, 'utf8'))).connectWizardSummary;
    expect(summary.scheduler?.syncCycleEnabled).toBe(true);
    expect(summary.scheduler?.allowedSyncCycleIntervalSeconds).toBe(1800);
    expect(summary.syncRules).toHaveLength(62);
    expect(diffSummaries(await readExportFolder(contosoFolder), summary).changes).toEqual([]);
    expect(existsSync(path.join(labFolder, 'sync-server-state.json'))).toBe(true);
    expect(existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
  });

  it('names the lab module when it is missing, and exits 2', async () => {
    const withoutLab = path.join(temp, 'lab-without-sync-server');
    await mkdir(withoutLab, { recursive: true });
    const out = path.join(temp, 'never-written.json');
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      errors.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const code = await runCliWithLab(['summary', '--source', 'lab', '--out', out], { assetsFolder, labPackageFolder: withoutLab, labFolder: temp, pwshPath: findPwsh() }, 'test');
      expect(code).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errors.join('')).toContain('MODULE_NOT_FOUND');
    expect(errors.join('')).toContain(path.join(withoutLab, 'sync-server', 'ADSync', 'ADSync.psd1'));
    expect(existsSync(out)).toBe(false);
  });
});
