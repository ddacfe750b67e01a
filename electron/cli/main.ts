import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPwsh } from '../main/pwsh-location';
import { runCliWithLab } from './run-with-lab';

/** `npm run cli -- <command>`: the command line on the process streams, with the repository's lab. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

process.exitCode = await runCliWithLab(
  process.argv.slice(2),
  {
    assetsFolder: path.join(repoRoot, 'assets'),
    labPackageFolder: path.join(repoRoot, 'lab'),
    labFolder: process.env['ADSYNC_LAB_FOLDER'] ?? path.join(process.cwd(), '.lab'),
    pwshPath: findPwsh(),
  },
  'Connect wizard command line',
);
