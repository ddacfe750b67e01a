import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** pwsh: $PWSH, else on PATH, else the dotnet global tool. */
export function findPwsh(): string {
  const fromEnv = process.env['PWSH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const folder of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(folder, 'pwsh');
    if (folder !== '' && existsSync(candidate)) return candidate;
  }
  return path.join(homedir(), '.dotnet', 'tools', 'pwsh');
}
