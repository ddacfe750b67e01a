/**
 * Stands in for lab/index.ts in the release build (electron.vite.config.ts, mode "release"): the packaged
 * app has no lab tenant, no lab accounts and no lab PowerShell modules, and cannot be pointed at them.
 */
import type {
  isLabProfile as isProfile,
  labSecrets as secrets,
  labSyncServerModules as labModules,
  openLabNativeWizard as openNativeWizard,
  startLabTenant as startTenant,
} from '../../lab/index';

export type { LabProfile, LabSyncServerModules, LabTenant } from '../../lab/index';

function absent(): never {
  throw new Error('The lab is not part of this build.');
}

export const startLabTenant: typeof startTenant = async () => absent();
export const labSyncServerModules: typeof labModules = () => absent();
export const labSecrets: typeof secrets = () => absent();
export const openLabNativeWizard: typeof openNativeWizard = () => absent();
/** No profile exists without the lab, so every name is refused. */
export const labProfiles = [] as const;
export const isLabProfile: typeof isProfile = (_value: string): _value is never => false;
