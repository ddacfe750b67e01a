/**
 * The lab's one entry point: what the app's composition root and the tests may use of the lab.
 * The lab imports nothing of the app, so everything here is plain data and the tenant's own types.
 * The caller names the lab package's folder: in the bundled main process `import.meta.url` is the
 * bundle's URL, so the lab never works out where it lives by itself.
 */
import path from 'node:path';
import { LAB_PASSWORD } from './tenant/constants';

export { startLabTenant, type LabTenant } from './tenant/server';
export { openLabNativeWizard, type LabNativeWizardLaunch } from './native-wizard/native-wizard';

/**
 * The lab sync server's seed profiles: `contoso`, a 2016 build (1.1.130.0) seeded from a real export, and
 * `contoso-current`, a current 2.x build (2.2.1.0) on the same forest. A lab folder keeps the profile it
 * was first seeded with (lab/README.md, "Profiles").
 */
export const labProfiles = ['contoso', 'contoso-current'] as const;
export type LabProfile = (typeof labProfiles)[number];

export function isLabProfile(value: string): value is LabProfile {
  return (labProfiles as readonly string[]).includes(value);
}

/** Values the app's log must never hold, whatever text carries them (the lab accounts' password). */
export function labSecrets(): readonly string[] {
  return [LAB_PASSWORD];
}
export { seedLargeLabTenant } from './tenant/graph/seed';
export { LAB_FEDERATION_CONFIGURATIONS } from './tenant/graph/domains';

/** The lab sync server's PowerShell modules, by absolute path, and the environment they need. */
export interface LabSyncServerModules {
  /** Stands in for the ADSync module. */
  readonly adSyncModule: string;
  /** The `*-LocalGroupMember` look-alikes (built into Windows PowerShell on a real server). */
  readonly localGroupsModule: string;
  /** The ActiveDirectory look-alike (`Get-ADForest`, `Get-ADOrganizationalUnit`, ...). */
  readonly activeDirectoryModule: string;
  /**
   * `ADSYNC_LAB_FOLDER`: where the modules keep the lab server's state; `ADSYNC_LAB_PROFILE`: the profile a new folder
   * is seeded with; `POWERSHELL_TELEMETRY_OPTOUT`: the lab's pwsh sends no telemetry (Windows PowerShell on a server has none).
   */
  readonly env: Readonly<Record<string, string>>;
  /** Stands in for ADSyncDiagnostics (Invoke-ADSyncSingleObjectSync on the current-build profile only). */
  readonly adSyncDiagnosticsModule: string;
}

/**
 * Where the lab sync server's modules are in the lab package folder (`lab/` of the repository), and
 * the environment that points them at `stateFolder` (seeded with `profile` if it is new; default contoso).
 */
export function labSyncServerModules(labPackageFolder: string, stateFolder: string, options: { readonly profile?: LabProfile } = {}): LabSyncServerModules {
  const modules = path.join(labPackageFolder, 'sync-server');
  return {
    adSyncModule: path.join(modules, 'ADSync', 'ADSync.psd1'),
    localGroupsModule: path.join(modules, 'LocalGroups', 'LocalGroups.psd1'),
    activeDirectoryModule: path.join(modules, 'ActiveDirectory', 'ActiveDirectory.psd1'),
    adSyncDiagnosticsModule: path.join(modules, 'ADSyncDiagnostics', 'ADSyncDiagnostics.psd1'),
    env: { ADSYNC_LAB_FOLDER: stateFolder, POWERSHELL_TELEMETRY_OPTOUT: '1', ...(options.profile ? { ADSYNC_LAB_PROFILE: options.profile } : {}) },
  };
}
