import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * pwsh for the lab: $CONNECT_WIZARD_PWSH, else pwsh on PATH, else the .NET global tool that
 * scripts/setup.sh installs (~/.dotnet/tools is not always on PATH).
 */
export function findPwsh(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['CONNECT_WIZARD_PWSH'];
  if (configured) return configured;
  const executable = process.platform === 'win32' ? 'pwsh.exe' : 'pwsh';
  const onPath = (env['PATH'] ?? '').split(path.delimiter).some((folder) => folder !== '' && existsSync(path.join(folder, executable)));
  const dotnetTool = path.join(homedir(), '.dotnet', 'tools', executable);
  return !onPath && existsSync(dotnetTool) ? dotnetTool : executable;
}
