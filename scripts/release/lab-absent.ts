/**
 * Stands in for lab/index.ts in the release build (electron.vite.config.ts, mode "release"): the packaged
 * app has no lab tenant, no lab accounts and no lab PowerShell modules, and cannot be pointed at them.
 */
import type { labSecrets as secrets, labSyncServerModules as labModules, startLabTenant as startTenant } from '../../lab/index';

export type { LabSyncServerModules, LabTenant } from '../../lab/index';

function absent(): never {
  throw new Error('The lab is not part of this build.');
}

export const startLabTenant: typeof startTenant = async () => absent();
export const labSyncServerModules: typeof labModules = () => absent();
export const labSecrets: typeof secrets = () => absent();
