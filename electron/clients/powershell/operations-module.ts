import { join } from 'node:path';

/** The manifest of the app's operations module inside the app's assets folder. */
export function operationsModulePath(assetsDirectory: string): string {
  return join(assetsDirectory, 'powershell', 'ConnectWizard.Operations', 'ConnectWizard.Operations.psd1');
}
