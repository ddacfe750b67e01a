// One build for all three parts (main, preload, renderer) through electron-vite; electron.vite.config.ts
// says what each output is. `--if-needed` skips it when no source changed since the last build.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as electronViteBuild } from 'electron-vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'out', '.build-stamp');
const sourceFolders = ['electron', 'renderer', 'shared', 'lab', 'assets'].map((folder) => path.join(root, folder));
const sourceFiles = ['package.json', 'electron.vite.config.ts', 'scripts/build.mjs'].map((file) => path.join(root, file));

function newestModification(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestModification(path.join(entry, name))), stats.mtimeMs);
}

function isUpToDate() {
  if (!existsSync(stampFile)) return false;
  const built = statSync(stampFile).mtimeMs;
  return [...sourceFolders, ...sourceFiles].filter(existsSync).every((entry) => newestModification(entry) <= built);
}

export async function build() {
  await electronViteBuild({ root, configFile: path.join(root, 'electron.vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, new Date().toISOString());
}

export async function buildIfNeeded() {
  if (isUpToDate()) return;
  await build();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  if (process.argv.includes('--if-needed')) await buildIfNeeded();
  else await build();
  console.log(`Build ready in out/ (${Date.now() - started} ms).`);
}
