const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `Exported-SynchronizationPolicy-<yyyyMMdd-HHmmss>.json`, in local time like the native wizard's timestamps. */
export function defaultExportFileName(at: Date): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `Exported-SynchronizationPolicy-${stamp}.json`;
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
