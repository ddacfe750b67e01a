import type { Branding } from '../../shared/branding';

/** Where the wizard points: the real sync server and tenant, or the lab on this computer. */
export interface TargetConfig {
  readonly kind: 'lab' | 'server';
  readonly branding: Branding;
  readonly dataFolder: string;
}
