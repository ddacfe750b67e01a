import { realpathSync } from 'node:fs';

/*
 * The Windows folder, for every absolute path the elevated app starts a program from. Not %SystemRoot% or
 * %windir%: the per-user environment (HKCU\Environment, writable by the unelevated user) is merged into the
 * environment of the processes the user starts, elevated ones included; the SilentCleanup UAC bypass sets
 * %windir% there to make an elevated task run its own program. Instead the kernel's own `\SystemRoot` link,
 * set at boot, is read through the Win32 namespace (`\\?\GLOBALROOT\SystemRoot`) and resolved to a drive
 * path. Only if that cannot be read is C:\Windows used, and only when both variables agree with it.
 */

export const systemRootLink = '\\\\?\\GLOBALROOT\\SystemRoot';
const defaultWindowsDirectory = 'C:\\Windows';

/** A local drive path (`X:\...`), never a share, a device path or a relative path. */
const localDrivePath = /^[A-Za-z]:\\(?:[^\\/:*?"<>|\r\n]+\\?)*$/;

export type WindowsDirectory =
  | { readonly folder: string; readonly source: 'kernel' | 'default' }
  | { readonly folder?: undefined; readonly problem: string };

/** Decides the Windows folder from the resolved `\SystemRoot` link (undefined when it could not be read) and the environment. */
export function windowsDirectoryFrom(resolvedLink: string | undefined, environment: Readonly<Record<string, string | undefined>>): WindowsDirectory {
  if (resolvedLink !== undefined) {
    const folder = resolvedLink.replace(/^\\\\\?\\/, '').replace(/\\+$/, '');
    if (localDrivePath.test(folder)) return { folder, source: 'kernel' };
    return { problem: `the system folder resolved to "${resolvedLink}", which is not a local drive path` };
  }
  const variable = (name: string): string | undefined =>
    Object.entries(environment).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]?.replace(/\\+$/, '');
  const agree = [variable('SystemRoot'), variable('windir')].every((value) => value?.toLowerCase() === defaultWindowsDirectory.toLowerCase());
  return agree
    ? { folder: defaultWindowsDirectory, source: 'default' }
    : { problem: 'the system folder could not be read, and %SystemRoot% and %windir% do not both name C:\\Windows' };
}

/** The Windows folder of this machine (Windows only). */
export function windowsDirectory(environment: Readonly<Record<string, string | undefined>> = process.env): WindowsDirectory {
  let resolved: string | undefined;
  try {
    resolved = realpathSync.native(systemRootLink);
  } catch {
    resolved = undefined;
  }
  return windowsDirectoryFrom(resolved, environment);
}
