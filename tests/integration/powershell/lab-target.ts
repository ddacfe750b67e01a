import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { operationsModulePath, PowerShellSession, type PowerShellTarget } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server';
import { findPwsh as findAppPwsh } from '../../../electron/main/pwsh-location';
import { labSyncServerModules, type LabProfile } from '../../../lab/index';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const assetsDirectory = join(repositoryRoot, 'assets');
const labPackageFolder = join(repositoryRoot, 'lab');

/** pwsh: $PWSH, else the one the app starts for its lab. */
export function findPwsh(): string {
  return process.env.PWSH || findAppPwsh();
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

/**
 * For the tests of one describe block: a fresh lab folder of `profile` and a sync server client on real pwsh, with
 * the lab's ADSyncDiagnostics stand-in beside the local groups as the composition root loads them; removed after.
 */
export function useLabSyncServerClient(profile: LabProfile): { readonly client: AdSyncClient; readonly folder: string } {
  const lab: { client: AdSyncClient | null; folder: string } = { client: null, folder: '' };
  let session: PowerShellSession | null = null;
  beforeAll(async () => {
    const { target, labFolder } = await freshLabTarget({}, profile);
    const modules = labSyncServerModules(labPackageFolder, labFolder);
    session = new PowerShellSession({ ...target, extraModules: [modules.localGroupsModule, modules.adSyncDiagnosticsModule] });
    lab.client = new AdSyncClient(session);
    lab.folder = labFolder;
  });
  afterAll(async () => {
    await session?.dispose();
    await rm(lab.folder, { recursive: true, force: true });
  });
  return {
    get client() {
      if (!lab.client) throw new Error('The lab sync server client is made in beforeAll.');
      return lab.client;
    },
    get folder() {
      return lab.folder;
    },
  };
}
