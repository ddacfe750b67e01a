// Finding and fetching the Electron binary, shared by the postinstall step and `npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = path.join(root, 'node_modules', 'electron');

/** The path of the Electron executable, or undefined when the binary was never downloaded. */
export function electronBinaryPath() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(overridden) ? overridden : undefined;
  }
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = path.join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : undefined;
}

/** Runs Electron's own download step; returns whether the binary is there afterwards. */
export function downloadElectronBinary() {
  const installer = path.join(electronPackage, 'install.js');
  if (!existsSync(installer)) return false;
  const result = spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 5 * 60_000, cwd: electronPackage });
  return result.status === 0 && electronBinaryPath() !== undefined;
}

export const missingBinaryExplanation = `The Electron binary is not installed, so the desktop app cannot start here.
npm installs the electron package without its binary where the binary cannot be downloaded (no internet
access, or ELECTRON_SKIP_BINARY_DOWNLOAD=1 was set). To get it, run \`npm run fetch-electron\` on a machine
that can reach Electron's download server (or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an
Electron build). Meanwhile the same wizard runs in your browser against the same lab: \`npm run preview\`.`;
