import path from 'node:path';
import type { ProbeResult } from './machine-probe';
import { evaluateAdminOnly } from './sddl';

/*
 * Where the real server's code is, worked out from values no unelevated process can set: the kernel's
 * Windows folder, the known folders and the service entry read from HKLM by the probe, and the install
 * folder of the app itself. Pure, so it is tested on values recorded on servers.
 */

const win = path.win32;

/** Everything the server target's PowerShell session is started with. */
export interface ServerLocations {
  readonly powershellExecutable: string;
  readonly adSyncModule: string;
  readonly activeDirectoryModule: string;
  /** Module folders auto-loading may search after `$PSHOME\Modules`. */
  readonly modulePath: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  readonly inheritedVariables: readonly string[];
  readonly workingDirectory: string;
}

/** The machine-wide folders of the app, each checked to be writable by administrators only. */
export interface MachineFolders {
  readonly data: string;
  readonly settingsFile: string;
  readonly logs: string;
  /** Files written and read back once (the live configuration export). */
  readonly scratch: string;
  /** What the app keeps between runs: change plans, the running marker, each administrator's token cache. */
  readonly state: string;
}

/** The documented install folder of the sync engine, under Program Files. */
export const adSyncModuleUnderProgramFiles = ['Microsoft Azure AD Sync', 'Bin', 'ADSync', 'ADSync.psd1'] as const;

const isLocalAbsolute = (value: string): boolean => /^[A-Za-z]:\\/.test(value) && !value.includes('..');

/**
 * The ADSync service's ImagePath (`"C:\Program Files\Microsoft Azure AD Sync\Bin\miiserver.exe"`, quoted or
 * not, maybe with arguments) gives the engine's Bin folder; the module is `Bin\ADSync\ADSync.psd1`.
 */
export function adSyncModuleFromImagePath(imagePath: string | undefined): string | undefined {
  if (imagePath === undefined) return undefined;
  const trimmed = imagePath.trim();
  const executable = trimmed.startsWith('"') ? trimmed.slice(1, trimmed.indexOf('"', 1)) : (/^(.*?\.exe)\b/i.exec(trimmed)?.[1] ?? '');
  if (!isLocalAbsolute(executable) || !/\\miiserver\.exe$/i.test(executable)) return undefined;
  return win.join(win.dirname(executable), 'ADSync', 'ADSync.psd1');
}

/** Variables the server session may inherit: who and where the administrator is, never a path that chooses code. */
export const serverInheritedVariables: readonly string[] = [
  'COMPUTERNAME',
  'USERNAME',
  'USERDOMAIN',
  'USERDNSDOMAIN',
  'LOGONSERVER',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'HOMEDRIVE',
  'HOMEPATH',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
  'PROCESSOR_IDENTIFIER',
  'PROCESSOR_LEVEL',
  'PROCESSOR_REVISION',
  'OS',
];

export interface LocationOverrides {
  readonly powershellExecutable?: string | undefined;
  readonly adSyncModule?: string | undefined;
  readonly activeDirectoryModule?: string | undefined;
}

export type ServerSetup =
  | { readonly ok: true; readonly locations: ServerLocations; readonly folders: MachineFolders }
  | { readonly ok: false; readonly problem: string };

export function machineFolders(programData: string, productName: string): MachineFolders {
  const data = win.join(programData, productName);
  return { data, settingsFile: win.join(data, 'settings.json'), logs: win.join(data, 'logs'), scratch: win.join(data, 'scratch'), state: win.join(data, 'state') };
}

/** The server target's locations, or why there are none. `overrides` come only from the verified machine-wide settings. */
export function serverSetup(windowsFolder: string, probe: ProbeResult, productName: string, overrides: LocationOverrides = {}): ServerSetup {
  if (!probe.done) return { ok: false, problem: `the machine's folders could not be read (${probe.error ?? 'no answer from Windows PowerShell'})` };
  const { programData, programFiles } = probe;
  if (programData === undefined || !isLocalAbsolute(programData) || programFiles === undefined || !isLocalAbsolute(programFiles)) {
    return { ok: false, problem: 'the ProgramData or Program Files folder is not a local drive path' };
  }
  const folders = machineFolders(programData, productName);
  for (const name of ['data', 'logs', 'scratch', 'state'] as const) {
    const sddl = probe.sddl[name];
    const verdict = sddl === undefined ? { ok: false as const, problems: ['it does not exist'] } : evaluateAdminOnly(sddl);
    if (!verdict.ok) return { ok: false, problem: `${folders[name]} is not safe: ${verdict.problems.join('; ')}` };
  }
  const powerShellHome = win.join(windowsFolder, 'System32', 'WindowsPowerShell', 'v1.0');
  const machineModulePath = (probe.machineModulePath ?? '')
    .split(';')
    .map((entry) => entry.trim().replace(/\\+$/, ''))
    .filter((entry) => entry !== '' && isLocalAbsolute(entry));
  const modulePath = [...new Set([win.join(programFiles, 'WindowsPowerShell', 'Modules'), ...machineModulePath])].filter(
    (entry) => entry.toLowerCase() !== win.join(powerShellHome, 'Modules').toLowerCase(),
  );
  const system32 = win.join(windowsFolder, 'System32');
  const environment: Record<string, string> = {
    SystemRoot: windowsFolder,
    windir: windowsFolder,
    SystemDrive: windowsFolder.slice(0, 2),
    ComSpec: win.join(system32, 'cmd.exe'),
    PATH: [system32, windowsFolder, win.join(system32, 'Wbem'), powerShellHome].join(';'),
    PATHEXT: '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC',
    ProgramData: programData,
    ALLUSERSPROFILE: programData,
    ProgramFiles: programFiles,
    ProgramW6432: programFiles,
    ...(probe.programFilesX86 && isLocalAbsolute(probe.programFilesX86) ? { 'ProgramFiles(x86)': probe.programFilesX86 } : {}),
    // Files PowerShell writes and reads back (Add-Type's compiled code, the module analysis cache) go to the
    // administrators-only scratch folder, not to the user's profile.
    TEMP: folders.scratch,
    TMP: folders.scratch,
    PSModuleAnalysisCachePath: win.join(folders.scratch, 'ModuleAnalysisCache'),
  };
  return {
    ok: true,
    folders,
    locations: {
      powershellExecutable: overrides.powershellExecutable ?? win.join(powerShellHome, 'powershell.exe'),
      adSyncModule: overrides.adSyncModule ?? adSyncModuleFromImagePath(probe.adSyncImagePath) ?? win.join(programFiles, ...adSyncModuleUnderProgramFiles),
      activeDirectoryModule: overrides.activeDirectoryModule ?? win.join(powerShellHome, 'Modules', 'ActiveDirectory', 'ActiveDirectory.psd1'),
      modulePath,
      environment,
      inheritedVariables: serverInheritedVariables,
      workingDirectory: system32,
    },
  };
}
