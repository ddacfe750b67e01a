import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * pwsh for the lab, in development only: pwsh on PATH, else the .NET global tool that scripts/setup.sh
 * installs (~/.dotnet/tools is not always on PATH). No variable names another program: the packaged app
 * never runs the lab, and the server target starts Windows PowerShell by its absolute path.
 */
export function findPwsh(env: NodeJS.ProcessEnv = process.env): string {
  const executable = process.platform === 'win32' ? 'pwsh.exe' : 'pwsh';
  const onPath = (env['PATH'] ?? '')
    .split(path.delimiter)
    .map((folder) => path.join(folder, executable))
    .find((candidate) => path.isAbsolute(candidate) && existsSync(candidate));
  if (onPath) return onPath;
  const dotnetTool = path.join(homedir(), '.dotnet', 'tools', executable);
  return existsSync(dotnetTool) ? dotnetTool : executable;
}
