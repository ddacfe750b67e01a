/**
 * The lab's one entry point: what the app's composition root and the tests may use of the lab.
 * The lab imports nothing of the app, so everything here is plain data and the tenant's own types.
 * The caller names the lab package's folder: in the bundled main process `import.meta.url` is the
 * bundle's URL, so the lab never works out where it lives by itself.
 */
import path from 'node:path';

export { startLabTenant, type LabTenant } from './tenant/server';
export { seedLargeLabTenant } from './tenant/graph/seed';

/** The lab sync server's PowerShell modules, by absolute path, and the environment they need. */
export interface LabSyncServerModules {
  /** Stands in for the ADSync module. */
  readonly adSyncModule: string;
  /** The `*-LocalGroupMember` look-alikes (built into Windows PowerShell on a real server). */
  readonly localGroupsModule: string;
  /** The ActiveDirectory look-alike (`Get-ADForest`, `Get-ADOrganizationalUnit`, ...). */
  readonly activeDirectoryModule: string;
  /** `ADSYNC_LAB_FOLDER`: where the modules keep the lab server's state. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Where the lab sync server's modules are in the lab package folder (`lab/` of the repository), and
 * the environment that points them at `stateFolder`.
 */
export function labSyncServerModules(labPackageFolder: string, stateFolder: string): LabSyncServerModules {
  const modules = path.join(labPackageFolder, 'sync-server');
  return {
    adSyncModule: path.join(modules, 'ADSync', 'ADSync.psd1'),
    localGroupsModule: path.join(modules, 'LocalGroups', 'LocalGroups.psd1'),
    activeDirectoryModule: path.join(modules, 'ActiveDirectory', 'ActiveDirectory.psd1'),
    env: { ADSYNC_LAB_FOLDER: stateFolder },
  };
}
