// Runs test scripts against the lab sync server modules in a real pwsh, one process per call.
// Values that a test wants to pass in go through environment variables, never into the script text.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const labRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../lab/sync-server');
export const stateFileName = 'sync-server-state.json';

const pwsh = process.env['PWSH_PATH'] ?? join(homedir(), '.dotnet', 'tools', 'pwsh');
const jsonMarker = '@@JSON@@';

export type LabModule = 'ADSync' | 'LocalGroups' | 'ActiveDirectory' | 'ADSyncDiagnostics';

export interface LabRun {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The value the script emitted with `Out-LabJson`, or undefined. */
  json: unknown;
}

export interface LabRunOptions {
  folder: string;
  modules?: LabModule[];
  env?: Record<string, string>;
}

const prelude = `
$ProgressPreference = 'SilentlyContinue'
$PSStyle.OutputRendering = 'PlainText'
function Out-LabJson($Value) { [Console]::Out.WriteLine('${jsonMarker}' + (ConvertTo-Json -InputObject $Value -Depth 12 -Compress)) }
function Get-LabShape($Object) {
  @($Object.PSObject.Properties | ForEach-Object {
    [ordered]@{ name = $_.Name; type = if ($null -eq $_.Value) { $null } else { $_.Value.GetType().FullName } }
  })
}
`;

export async function runLab(script: string, options: LabRunOptions): Promise<LabRun> {
  const modules = options.modules ?? ['ADSync'];
  const imports = modules.map((m) => `Import-Module '${join(labRoot, m, `${m}.psd1`)}'`).join('\n');
  const fullScript = `${prelude}\n${imports}\n${script}`;
  return new Promise((resolvePromise, reject) => {
    const encoded = Buffer.from(fullScript, 'utf16le').toString('base64');
    const child = spawn(pwsh, ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded], {
      env: { ...process.env, ...options.env, ADSYNC_LAB_FOLDER: options.folder, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split(/\r?\n/).find((l) => l.startsWith(jsonMarker));
      const json: unknown = line === undefined ? undefined : JSON.parse(line.slice(jsonMarker.length));
      resolvePromise({ stdout, stderr, exitCode: code ?? -1, json });
    });
  });
}

export async function makeLabFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lab-sync-server-'));
}

export async function removeLabFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
