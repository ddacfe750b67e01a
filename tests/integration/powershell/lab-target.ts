import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationsModulePath, type PowerShellTarget } from '../../../electron/clients/powershell';
import { labSyncServerModules, type LabProfile } from '../../../lab/index';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const assetsDirectory = join(repositoryRoot, 'assets');
const labPackageFolder = join(repositoryRoot, 'lab');

/** pwsh: $PWSH, else on PATH, else the dotnet global tool. */
export function findPwsh(): string {
  const fromEnvironment = process.env.PWSH;
  if (fromEnvironment) return fromEnvironment;
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder && existsSync(join(folder, 'pwsh'))) return join(folder, 'pwsh');
  }
  const dotnetTool = join(homedir(), '.dotnet', 'tools', 'pwsh');
  if (existsSync(dotnetTool)) return dotnetTool;
  return 'pwsh';
}

/** A lab target on a fresh, empty state folder, seeded with `profile` (default contoso) at first use. */
export async function freshLabTarget(overrides: Partial<PowerShellTarget> = {}, profile?: LabProfile): Promise<{ target: PowerShellTarget; labFolder: string }> {
  return labTargetIn(await mkdtemp(join(tmpdir(), 'cw-lab-')), overrides, profile);
}

/** A lab target on a given lab folder (several processes may share one, as several app instances share a server). */
export function labTargetIn(labFolder: string, overrides: Partial<PowerShellTarget> = {}, profile?: LabProfile): { target: PowerShellTarget; labFolder: string } {
  const lab = labSyncServerModules(labPackageFolder, labFolder, profile ? { profile } : {});
  const target: PowerShellTarget = {
    executable: findPwsh(),
    operationsModule: operationsModulePath(assetsDirectory),
    adSyncModule: lab.adSyncModule,
    activeDirectoryModule: lab.activeDirectoryModule,
    extraModules: [lab.localGroupsModule],
    env: { ...lab.env, ADSYNC_LAB_CYCLE_SECONDS: '2' },
    // Generous: the test machine has two cores shared with other suites; the timeout tests set their own.
    defaultTimeoutMs: 240_000,
    startTimeoutMs: 240_000,
    ...overrides,
  };
  return { target, labFolder };
}
