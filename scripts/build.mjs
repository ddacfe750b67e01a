// One build for all three parts (main, preload, renderer) through electron-vite; electron.vite.config.ts
// says what each output is. `--release` builds what `npm run dist` packs (no lab, no source maps);
// `--if-needed` skips a development build when no source changed since the last development build.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as electronViteBuild } from 'electron-vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceFolders = ['electron', 'renderer', 'shared', 'lab', 'assets', 'scripts'].map((folder) => path.join(root, folder));
const sourceFiles = ['package.json', 'electron.vite.config.ts'].map((file) => path.join(root, file));

const outFolder = () => path.resolve(root, process.env.CW_BUILD_OUT ?? 'out');
const stampFile = () => path.join(outFolder(), '.build-stamp');

function newestModification(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestModification(path.join(entry, name))), stats.mtimeMs);
}

/** Up to date: a development build (a release build in out/ does not count) newer than every source. */
function isUpToDate() {
  const stamp = stampFile();
  if (!existsSync(stamp) || !readFileSync(stamp, 'utf8').startsWith('development ')) return false;
  const built = statSync(stamp).mtimeMs;
  return [...sourceFolders, ...sourceFiles].filter(existsSync).every((entry) => newestModification(entry) <= built);
}

/** Builds into out/ (or CW_BUILD_OUT): the development build with the lab, or the release build without it. */
export async function build({ release = false } = {}) {
  await electronViteBuild({ root, configFile: path.join(root, 'electron.vite.config.ts'), logLevel: 'warn', mode: release ? 'release' : 'development' });
  writeFileSync(stampFile(), `${release ? 'release' : 'development'} ${new Date().toISOString()}`);
}

export async function buildIfNeeded() {
  if (isUpToDate()) return;
  await build();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const release = process.argv.includes('--release');
  if (process.argv.includes('--if-needed') && !release) await buildIfNeeded();
  else await build({ release });
  console.log(`${release ? 'Release' : 'Development'} build ready in ${path.relative(root, outFolder()) || '.'}/ (${Date.now() - started} ms).`);
}
