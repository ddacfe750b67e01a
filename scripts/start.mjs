// npm start: build when sources changed, then launch Electron on the lab target.
import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build.mjs';
import { electronBinaryPath, missingBinaryExplanation } from './electron-binary.mjs';

await buildIfNeeded();
const executable = electronBinaryPath();
if (!executable) {
  console.error(missingBinaryExplanation);
  process.exit(1);
}
const child = spawn(executable, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
