import { execFile } from 'node:child_process';
import { adminOnlyFolderSddl, dataFolderSddl } from './sddl';

/*
 * One short Windows PowerShell run, before anything else, that reads what the app must not take from the
 * environment: the ProgramData and Program Files folders (known folders, from the registry), the sync
 * engine's service entry, the machine's PSModulePath, and the security descriptors of the app's machine-wide
 * folders and settings file. It creates a missing folder with its administrators-only ACL. The script is fixed
 * text that uses .NET only (no cmdlet, so no module is auto-loaded), runs under the Restricted execution
 * policy, and gets the product name as base64 data in an environment variable.
 */

export const probeScript = String.raw`
$ErrorActionPreference = 'Stop'
function Send-CwValue([string]$Key, [string]$Value) {
  [Console]::Out.WriteLine('CW:' + $Key + '=' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes([string]$Value)))
}
$sections = [System.Security.AccessControl.AccessControlSections]'Owner, Access'
try {
  $product = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($env:CW_PRODUCT))
  $programData = [Environment]::GetFolderPath('CommonApplicationData')
  Send-CwValue 'programData' $programData
  Send-CwValue 'programFiles' ([Environment]::GetFolderPath('ProgramFiles'))
  Send-CwValue 'programFilesX86' ([Environment]::GetFolderPath('ProgramFilesX86'))
  $hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
  $service = $hklm.OpenSubKey('SYSTEM\CurrentControlSet\Services\ADSync')
  if ($null -ne $service) { Send-CwValue 'adSyncImagePath' ([string]$service.GetValue('ImagePath')) }
  $machineEnvironment = $hklm.OpenSubKey('SYSTEM\CurrentControlSet\Control\Session Manager\Environment')
  if ($null -ne $machineEnvironment) { Send-CwValue 'machineModulePath' ([string]$machineEnvironment.GetValue('PSModulePath')) }
  $data = [IO.Path]::Combine($programData, $product)
  $folders = @(
    @('data', $data, '${dataFolderSddl}'),
    @('logs', [IO.Path]::Combine($data, 'logs'), '${dataFolderSddl}'),
    @('scratch', [IO.Path]::Combine($data, 'scratch'), '${adminOnlyFolderSddl}'),
    @('state', [IO.Path]::Combine($data, 'state'), '${adminOnlyFolderSddl}')
  )
  foreach ($folder in $folders) {
    if (-not [IO.Directory]::Exists($folder[1])) {
      $security = [System.Security.AccessControl.DirectorySecurity]::new()
      $security.SetSecurityDescriptorSddlForm($folder[2])
      $null = [IO.Directory]::CreateDirectory($folder[1], $security)
      Send-CwValue ('created.' + $folder[0]) 'yes'
    }
    $current = [System.Security.AccessControl.DirectorySecurity]::new($folder[1], $sections)
    Send-CwValue ('sddl.' + $folder[0]) $current.GetSecurityDescriptorSddlForm($sections)
  }
  $settings = [IO.Path]::Combine($data, 'settings.json')
  if ([IO.File]::Exists($settings)) {
    $current = [System.Security.AccessControl.FileSecurity]::new($settings, $sections)
    Send-CwValue 'sddl.settings' $current.GetSecurityDescriptorSddlForm($sections)
  }
  Send-CwValue 'done' 'yes'
} catch {
  Send-CwValue 'error' $_.Exception.Message
}
`;

export interface ProbeResult {
  readonly programData?: string;
  readonly programFiles?: string;
  readonly programFilesX86?: string;
  readonly adSyncImagePath?: string;
  readonly machineModulePath?: string;
  /** Security descriptors (SDDL) of `data`, `logs`, `scratch`, `state` and `settings` (absent when the file does not exist). */
  readonly sddl: Readonly<Record<string, string>>;
  readonly created: readonly string[];
  readonly error?: string;
  readonly done: boolean;
}

/** Reads the probe's `CW:<key>=<base64>` lines; other output (a console banner, warnings) is ignored. */
export function parseProbeOutput(stdout: string): ProbeResult {
  const values = new Map<string, string>();
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^CW:([A-Za-z0-9.]+)=([A-Za-z0-9+/]*={0,2})$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) values.set(match[1], Buffer.from(match[2], 'base64').toString('utf8'));
  }
  const sddl: Record<string, string> = {};
  const created: string[] = [];
  for (const [key, value] of values) {
    if (key.startsWith('sddl.')) sddl[key.slice(5)] = value;
    if (key.startsWith('created.')) created.push(key.slice(8));
  }
  const optional = (key: string): Record<string, string> => {
    const value = values.get(key);
    return value === undefined || value === '' ? {} : { [key]: value };
  };
  return {
    ...optional('programData'),
    ...optional('programFiles'),
    ...optional('programFilesX86'),
    ...optional('adSyncImagePath'),
    ...optional('machineModulePath'),
    ...optional('error'),
    sddl,
    created,
    done: values.get('done') === 'yes',
  };
}

/** The environment of the probe: the trusted Windows folder and nothing the user could have set. */
export function probeEnvironment(windowsFolder: string, productName: string): Record<string, string> {
  return {
    SystemRoot: windowsFolder,
    windir: windowsFolder,
    SystemDrive: windowsFolder.slice(0, 2),
    PSModulePath: `${windowsFolder}\\System32\\WindowsPowerShell\\v1.0\\Modules`,
    CW_PRODUCT: Buffer.from(productName, 'utf8').toString('base64'),
  };
}

/** Runs the probe with Windows PowerShell by its absolute path in the trusted Windows folder. */
export function runMachineProbe(windowsFolder: string, productName: string): Promise<ProbeResult> {
  const executable = `${windowsFolder}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
  const encoded = Buffer.from(probeScript, 'utf16le').toString('base64');
  return new Promise((resolve) => {
    execFile(
      executable,
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Restricted', '-EncodedCommand', encoded],
      { env: probeEnvironment(windowsFolder, productName), cwd: `${windowsFolder}\\System32`, windowsHide: true, timeout: 60_000 },
      (error, stdout) => {
        const result = parseProbeOutput(String(stdout));
        resolve(error && !result.done ? { ...result, error: result.error ?? error.message } : result);
      },
    );
  });
}
