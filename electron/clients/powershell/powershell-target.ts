/**
 * Everything the bridge needs to know about a target. The composition root fills it in (real server or
 * lab); nothing downstream asks which one it is.
 */
export interface PowerShellTarget {
  /** Executable: 'powershell.exe' on the real sync server (the ADSync module needs 5.1), 'pwsh' elsewhere, or a full path. */
  readonly executable: string;
  /** Path of the app's ConnectWizard.Operations module (.psd1 or its folder); see operationsModulePath(). */
  readonly operationsModule: string;
  /** The ADSync module, by name ('ADSync') or path (…\Bin\ADSync\ADSync.psd1); imported when the session starts. */
  readonly adSyncModule: string;
  /** Further modules (names or paths) imported with ADSync at start, e.g. the lab's local-group cmdlets. */
  readonly extraModules?: readonly string[];
  /** The ActiveDirectory (RSAT) module by name or path; imported on the first forest/OU call. Default 'ActiveDirectory'. */
  readonly activeDirectoryModule?: string;
  /** Folders put in front of PSModulePath, so modules can be imported by name. */
  readonly modulePaths?: readonly string[];
  /** Extra environment for the process (e.g. ADSYNC_LAB_FOLDER). */
  readonly env?: Readonly<Record<string, string>>;
  /** Timeout of a call unless the call says otherwise. Default 60 s. */
  readonly defaultTimeoutMs?: number;
  /** Timeout of the start (process + module imports). Default 60 s. */
  readonly startTimeoutMs?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 60_000;
export const DEFAULT_START_TIMEOUT_MS = 60_000;

/** The executable for this platform: Windows PowerShell on Windows (the ADSync module is 5.1-only), pwsh elsewhere. */
export function defaultPowerShellExecutable(platform: string): string {
  return platform === 'win32' ? 'powershell.exe' : 'pwsh';
}

/** The process environment: the parent's, the target's additions, and the target's module folders first on PSModulePath. */
export function buildProcessEnvironment(
  target: Pick<PowerShellTarget, 'env' | 'modulePaths'>,
  parent: Readonly<Record<string, string | undefined>>,
  pathDelimiter: string,
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined) environment[name] = value;
  }
  Object.assign(environment, target.env ?? {});
  const modulePaths = target.modulePaths ?? [];
  if (modulePaths.length > 0) {
    const key = Object.keys(environment).find((name) => name.toLowerCase() === 'psmodulepath') ?? 'PSModulePath';
    const existing = environment[key];
    environment[key] = [...modulePaths, ...(existing ? [existing] : [])].join(pathDelimiter);
  }
  return environment;
}
