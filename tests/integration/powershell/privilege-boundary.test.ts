import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabSyncServer } from '../../../electron/main/composition';
import { findPwsh } from '../../../electron/main/pwsh-location';
import { policyExportFileSchema } from '../../../shared/configuration/policy-export';
import { assetsDirectory, repositoryRoot } from './lab-target';

/*
 * What an unelevated process of the administrator can set, tried against the session the app starts:
 * NODE_POWERSHELL and CONNECT_WIZARD_PWSH naming a script, a PSModulePath entry and the user's own module
 * folder (HOME) holding an ADSync module and a Microsoft.PowerShell.Management module. Each plant writes a
 * canary file when it runs; the session must answer correctly and leave no canary.
 */

const pwsh = findPwsh();
let root: string;
let canaries: string;
let plantedHome: string;
let plantedModules: string;
let fakePwsh: string;
const saved: Record<string, string | undefined> = {};
const hostileVariables = ['NODE_POWERSHELL', 'CONNECT_WIZARD_PWSH', 'PSModulePath', 'HOME'] as const;

const canariesWritten = (): string[] => readdirSync(canaries);

async function plantModule(folder: string, where: string, name: string, body: string): Promise<void> {
  await mkdir(path.join(folder, name), { recursive: true });
  const canary = path.join(canaries, `${where}-${name}`);
  await writeFile(path.join(folder, name, `${name}.psm1`), `[IO.File]::WriteAllText('${canary}', 'ran')\n${body}\n`);
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, cwd = repositoryRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env, cwd, timeout: 180_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cw-boundary-'));
  canaries = path.join(root, 'canaries');
  plantedHome = path.join(root, 'home');
  plantedModules = path.join(root, 'psmodulepath', 'Modules');
  await mkdir(canaries);
  fakePwsh = path.join(root, 'fake-pwsh.sh');
  await writeFile(fakePwsh, `#!/bin/sh\necho ran > '${path.join(canaries, 'fake-pwsh')}'\nexit 1\n`);
  await chmod(fakePwsh, 0o755);
  const userModules = path.join(plantedHome, '.local', 'share', 'powershell', 'Modules');
  for (const [folder, where] of [
    [plantedModules, 'psmodulepath'],
    [userModules, 'home'],
  ] as const) {
    await plantModule(folder, where, 'ADSync', 'function Get-ADSyncScheduler { @{ AllowedSyncCycleInterval = 0 } }');
    await plantModule(folder, where, 'Microsoft.PowerShell.Management', 'function Join-Path { param($Path, $ChildPath) [IO.Path]::Combine($Path, $ChildPath) }');
  }
  for (const name of hostileVariables) saved[name] = process.env[name];
  Object.assign(process.env, { NODE_POWERSHELL: fakePwsh, CONNECT_WIZARD_PWSH: fakePwsh, PSModulePath: plantedModules, HOME: plantedHome });
});

afterAll(async () => {
  for (const name of hostileVariables) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await rm(root, { recursive: true, force: true });
});

describe('what the unelevated user can set does not choose the code the session runs (real pwsh)', () => {
  it('the plants are live: a plain pwsh with this environment runs them', async () => {
    const command = ['-NoProfile', '-NonInteractive', '-Command', 'Join-Path a b | Out-Null; Get-ADSyncScheduler | Out-Null'];
    try {
      // The user's own module folder comes first; PowerShell's own folder comes before a PSModulePath entry,
      // so there only the planted ADSync is reached.
      expect((await run(pwsh, command, process.env)).code).toBe(0);
      expect(canariesWritten().sort()).toEqual(['home-ADSync', 'home-Microsoft.PowerShell.Management']);
      expect((await run(pwsh, command, { ...process.env, HOME: path.join(root, 'empty-home') })).code).toBe(0);
      expect(canariesWritten().sort()).toEqual(['home-ADSync', 'home-Microsoft.PowerShell.Management', 'psmodulepath-ADSync']);
    } finally {
      await rm(canaries, { recursive: true });
      await mkdir(canaries);
    }
  });

  it('a session on the lab target answers correctly and no canary exists', async () => {
    const labFolder = path.join(root, 'lab');
    const lab = openLabSyncServer({ assetsFolder: assetsDirectory, labPackageFolder: path.join(repositoryRoot, 'lab'), labFolder, pwshPath: pwsh });
    try {
      expect((await lab.syncServer.getScheduler()).allowedSyncCycleIntervalSeconds).toBe(1800);
      expect((await lab.syncServer.getForest()).name).toBe('contoso.com');
      expect((await lab.syncServer.getGroupMembers('ADSyncAdmins')).length).toBeGreaterThan(0);
    } finally {
      await lab.dispose();
    }
    expect(canariesWritten()).toEqual([]);
  });

  it('`cli summary --source lab` writes its summary under the same variables and no canary exists', async () => {
    const out = path.join(root, 'summary.json');
    const tsx = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');
    const env = { ...process.env, PATH: `${path.dirname(pwsh)}${path.delimiter}${process.env.PATH ?? ''}`, ADSYNC_LAB_FOLDER: path.join(root, 'cli-lab') };
    const result = await run(tsx, [path.join(repositoryRoot, 'electron/cli/main.ts'), 'summary', '--source', 'lab', '--format', 'json', '--out', out], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = policyExportFileSchema.parse(JSON.parse(await readFile(out, 'utf8'))).connectWizardSummary;
    expect(summary.scheduler?.allowedSyncCycleIntervalSeconds).toBe(1800);
    expect(existsSync(path.join(canaries, 'fake-pwsh'))).toBe(false);
    expect(canariesWritten()).toEqual([]);
  });
});
