import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLabPwshSource } from '../services/summary/lab-pwsh-source';
import { runCli } from './run-cli';

/** `npm run cli -- <command>`: wires the real process streams and the lab sync server into runCli. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const labModule = path.join(repoRoot, 'assets', 'lab-sync-server', 'ADSync', 'ADSync.psd1');

/** pwsh: $CONNECT_WIZARD_PWSH, else on PATH, else the dotnet global tool (where this repo's machines install it). */
function findPwsh(): string {
  const configured = process.env['CONNECT_WIZARD_PWSH'];
  if (configured) return configured;
  const onPath = (process.env['PATH'] ?? '').split(path.delimiter).some((folder) => folder !== '' && existsSync(path.join(folder, 'pwsh')));
  const dotnetTool = path.join(homedir(), '.dotnet', 'tools', 'pwsh');
  return !onPath && existsSync(dotnetTool) ? dotnetTool : 'pwsh';
}

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  generatedBy: 'Connect wizard command line',
  labSource: () =>
    createLabPwshSource({
      modulePath: labModule,
      labFolder: process.env['ADSYNC_LAB_FOLDER'] ?? path.join(process.cwd(), '.lab'),
      pwshPath: findPwsh(),
    }),
});
process.exitCode = exitCode;
