import type { Branding } from '../../shared/core/branding';
import type { Settings } from './settings';

/** Where the wizard points: the real sync server and tenant, or the lab on this computer. */
export interface TargetConfig {
  readonly kind: 'lab' | 'server';
  readonly branding: Branding;
  /** The app's data folder: settings, token cache marker, and (for the lab) the lab's state. */
  readonly dataFolder: string;
  /** The app's assets folder: the operations module. */
  readonly assetsFolder: string;
  /** The lab package (`lab/` of the repository), used on the lab target; the packaged app does not ship it. */
  readonly labPackageFolder: string;
  readonly platform: string;
  readonly settings: Settings;
  /** The lab sync server's profile for a new lab folder (`--lab-profile`); a folder keeps the profile it was seeded with. */
  readonly labProfile?: string;
}

/** The packaged app on Windows manages the server it runs on; everywhere else the lab is the default. */
export function defaultTargetKind(isPackaged: boolean, platform: string): 'lab' | 'server' {
  return isPackaged && platform === 'win32' ? 'server' : 'lab';
}
