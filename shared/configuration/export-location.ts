import { localTimestamp } from './time';

/**
 * `ConnectWizard-Configuration-<yyyyMMdd-HHmmss>.json`, in local time like the native wizard's timestamps. Not
 * the native `Exported-SynchronizationPolicy-*` name: the file carries the native export's top-level keys
 * but does not follow its schema exactly, so it must not pass for one.
 */
export function defaultExportFileName(at: Date): string {
  return `ConnectWizard-Configuration-${localTimestamp(at)}.json`;
}

/** The HTML report written beside a JSON export: same name, `.html`. */
export function reportFileNameFor(jsonFileName: string): string {
  return jsonFileName.replace(/\.json$/i, '') + '.html';
}

/**
 * Where the save dialog starts: `%ProgramData%\AADConnect` on Windows (as the native wizard), the
 * app's data folder elsewhere. Pure: the caller passes the platform, environment and data folder.
 */
export function defaultExportFolder(platform: string, env: Readonly<Record<string, string | undefined>>, appDataFolder: string): string {
  if (platform === 'win32') {
    const programData = env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData';
    return `${programData.replace(/[\\/]+$/, '')}\\AADConnect`;
  }
  return appDataFolder;
}
