import { existsSync, readdirSync } from 'node:fs';
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
  const dotnetTool = path.join(homedir(), '.dotnet', 'tools', executable);
  const found = onPath ?? (existsSync(dotnetTool) ? dotnetTool : undefined);
  return found ? (behindToolShim(found, executable) ?? found) : executable;
}

/**
 * When `shim` is a .NET global tool's launcher, the PowerShell it starts: its own executable in the tool's
 * store beside the launcher (…/.store/powershell/<version>/powershell/<version>/tools/<framework>/any/<unix|win>/).
 * The launcher is a second .NET process that starts PowerShell as its child, which costs about 0.1 s of every
 * session's start and leaves two processes to end. Undefined unless exactly one such executable exists.
 */
function behindToolShim(shim: string, executable: string): string | undefined {
  const store = path.join(path.dirname(shim), '.store', 'powershell');
  if (!existsSync(store)) return undefined;
  const platformFolder = process.platform === 'win32' ? 'win' : 'unix';
  try {
    const candidates = readdirSync(store).flatMap((version) => {
      const tools = path.join(store, version, 'powershell', version, 'tools');
      if (!existsSync(tools)) return [];
      return readdirSync(tools)
        .map((framework) => path.join(tools, framework, 'any', platformFolder, executable))
        .filter((candidate) => existsSync(candidate));
    });
    return candidates.length === 1 ? candidates[0] : undefined;
  } catch {
    // An unreadable store: the launcher still works.
    return undefined;
  }
}
