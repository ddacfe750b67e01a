import type { Branding } from '../../shared/core/branding';
import type { ServerLocations } from './machine/server-locations';
import type { AuthSettings } from './settings';

/** Where the wizard points: the real sync server and tenant, or the lab on this computer. */
export interface TargetConfig {
  readonly kind: 'lab' | 'server';
  readonly branding: Branding;
  /**
   * What the app keeps between runs: the token cache, change plans, the running marker (and the lab's state on
   * the lab). On a server the administrators-only %ProgramData%\<product>\state.
   */
  readonly dataFolder: string;
  /** The app's assets folder: the operations module. */
  readonly assetsFolder: string;
  /** The lab package (`lab/` of the repository), used on the lab target; the packaged app does not ship it. */
  readonly labPackageFolder: string;
  readonly platform: string;
  /** The organisation's app registration and tenant (machine-wide settings); absent on the lab. */
  readonly auth?: AuthSettings | undefined;
  /** The server target's PowerShell executable, modules and environment, from values only administrators can set. */
  readonly server?: ServerLocations | undefined;
  /** Where files the app writes and then reads go (administrators-only; 0700 in the lab). Default: `<dataFolder>/scratch`. */
  readonly scratchFolder?: string | undefined;
  /** The lab sync server's profile for a new lab folder (`--lab-profile`); a folder keeps the profile it was seeded with. */
  readonly labProfile?: string;
}

/** The packaged app on Windows manages the server it runs on; everywhere else the lab is the default. */
export function defaultTargetKind(isPackaged: boolean, platform: string): 'lab' | 'server' {
  return isPackaged && platform === 'win32' ? 'server' : 'lab';
}
