import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliWithLab } from './run-with-lab';

/** `npm run cli -- <command>`: the command line on the process streams, with the repository's lab. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** pwsh: $CONNECT_WIZARD_PWSH, else on PATH, else the dotnet global tool (where this repo's machines install it). */
function findPwsh(): string {
  const configured = process.env['CONNECT_WIZARD_PWSH'];
  if (configured) return configured;
  const onPath = (process.env['PATH'] ?? '').split(path.delimiter).some((folder) => folder !== '' && existsSync(path.join(folder, 'pwsh')));
  const dotnetTool = path.join(homedir(), '.dotnet', 'tools', 'pwsh');
  return !onPath && existsSync(dotnetTool) ? dotnetTool : 'pwsh';
}

process.exitCode = await runCliWithLab(
  process.argv.slice(2),
  {
    assetsFolder: path.join(repoRoot, 'assets'),
    labFolder: process.env['ADSYNC_LAB_FOLDER'] ?? path.join(process.cwd(), '.lab'),
    pwshPath: findPwsh(),
  },
  'Connect wizard command line',
);
