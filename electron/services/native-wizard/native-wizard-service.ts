import type { NativeWizardLaunch } from '../../../shared/native-wizard/topic';
import { AppError } from '../../../shared/core/errors';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';

/** Starts the native wizard for what a page hands off to it; the composition root picks the launcher. */
export interface NativeWizardLauncher {
  launch(openedFor: string): Promise<NativeWizardLaunch>;
}

/**
 * On a sync server: AzureADConnect.exe from its installation folder, started by the same (elevated)
 * PowerShell session that reaches the sync engine.
 */
export function serverNativeWizardLauncher(client: Pick<AdSyncClient, 'startNativeWizard'>): NativeWizardLauncher {
  return {
    async launch() {
      const started = await client.startNativeWizard();
      if (!started.started) {
        throw new AppError(
          'NATIVE_WIZARD_NOT_FOUND',
          `Azure AD Connect (AzureADConnect.exe) was not found${started.path ? ` at ${started.path}` : ''}. Start it from the Start menu of the sync server, or repair Azure AD Connect.`,
        );
      }
      return { launchedAtUtc: started.startedAtUtc ?? new Date().toISOString(), path: started.path, recordedByLab: false };
    },
  };
}

/** Hands a task or a feature off to the native wizard: opens it, and says when. */
export class NativeWizardService {
  constructor(
    private readonly launcher: NativeWizardLauncher,
    private readonly log?: (message: string) => void,
  ) {}

  async open(openedFor: string): Promise<NativeWizardLaunch> {
    const launch = await this.launcher.launch(openedFor);
    this.log?.(`[native-wizard] opened for ${openedFor} at ${launch.launchedAtUtc}${launch.recordedByLab ? ' (lab: recorded)' : ''}`);
    return launch;
  }
}
