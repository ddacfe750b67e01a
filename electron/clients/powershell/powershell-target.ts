/**
 * Everything the bridge needs to know about a target. The composition root fills it in (real server or
 * lab); nothing downstream asks which one it is.
 */
export interface PowerShellTarget {
  /** The PowerShell executable by absolute path (a bare name only in tests of a missing executable). */
  readonly executable: string;
  /** Path of the app's ConnectWizard.Operations module (.psd1); see operationsModulePath(). */
  readonly operationsModule: string;
  /** The ADSync module by absolute path (…\Bin\ADSync\ADSync.psd1); imported when the session starts. */
  readonly adSyncModule: string;
  /** Further modules by absolute path, imported with ADSync at start, e.g. the lab's local-group cmdlets. */
  readonly extraModules?: readonly string[];
  /** The ActiveDirectory (RSAT) module by absolute path; imported on the first forest/OU call. */
  readonly activeDirectoryModule?: string;
  /**
   * The only folders module auto-loading may search, after `$PSHOME\Modules`. PowerShell puts the user's own
   * module folder first on PSModulePath at start whatever the environment says, so the session replaces
   * PSModulePath itself before it imports anything.
   */
  readonly modulePath?: readonly string[];
  /** Variables the process gets with these values (e.g. ADSYNC_LAB_FOLDER, or the trusted Windows folders). */
  readonly env?: Readonly<Record<string, string>>;
  /** Names of the parent's variables the process may inherit; nothing else of the parent's environment reaches it. */
  readonly inheritedVariables?: readonly string[];
  /** `-ExecutionPolicy` for the process scope; RemoteSigned unless the target says otherwise. */
  readonly executionPolicy?: 'RemoteSigned' | 'AllSigned' | 'Restricted';
  /** Working folder of the process (the current folder must not be one a user can write to). */
  readonly workingDirectory?: string;
  /** Timeout of a call unless the call says otherwise. Default 60 s. */
  readonly defaultTimeoutMs?: number;
  /** Timeout of the start (process + module imports). Default 60 s. */
  readonly startTimeoutMs?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 60_000;
export const DEFAULT_START_TIMEOUT_MS = 60_000;

/**
 * What the lab's pwsh may inherit in development: where it finds the .NET runtime (the dotnet tool shim
 * starts `dotnet` from PATH), its home and locale. Never NODE_OPTIONS, NODE_POWERSHELL, PSModulePath or
 * anything else the parent happens to carry.
 */
export const developmentInheritedVariables: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TMPDIR',
  'DOTNET_ROOT',
  // Windows names, for development on Windows.
  'SystemRoot',
  'windir',
  'SystemDrive',
  'ComSpec',
  'PATHEXT',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'ProgramFiles',
  'COMPUTERNAME',
  'USERNAME',
  'USERDOMAIN',
];

/** Variables that must never reach PowerShell, whatever a target lists. */
const neverInherited = /^(NODE_|ELECTRON_|PSMODULEPATH$|PSEXECUTIONPOLICYPREFERENCE$|CONNECT_WIZARD_)/i;

/**
 * The child's whole environment: the allowed variables of the parent (names compared without case, as
 * Windows does), then the target's own values, then PSModulePath set to the target's module folders only, and
 * dynamic PGO off.
 */
export function buildProcessEnvironment(
  target: Pick<PowerShellTarget, 'env' | 'modulePath' | 'inheritedVariables'>,
  parent: Readonly<Record<string, string | undefined>>,
  pathDelimiter: string,
): Record<string, string> {
  const allowed = new Set((target.inheritedVariables ?? developmentInheritedVariables).map((name) => name.toUpperCase()));
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && allowed.has(name.toUpperCase()) && !neverInherited.test(name)) environment[name] = value;
  }
  for (const [name, value] of Object.entries(target.env ?? {})) {
    for (const existing of Object.keys(environment)) if (existing.toUpperCase() === name.toUpperCase()) delete environment[existing];
    environment[name] = value;
  }
  environment['PSModulePath'] = (target.modulePath ?? []).join(pathDelimiter);
  // PowerShell 7's .NET instruments hot code for dynamic PGO before optimizing it: a session answering calls for a few
  // minutes pays the instrumentation and gains little (the 180-run history read took half as long without it). .NET
  // Framework, under Windows PowerShell 5.1, has no such setting. learn.microsoft.com/dotnet/core/runtime-config/compilation
  environment['DOTNET_TieredPGO'] = '0';
  return environment;
}
