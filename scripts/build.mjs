// One build for all three parts: the renderer (Vite), the main process and the preload (esbuild).
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const stampFile = path.join(out, '.build-stamp');
const sourceFolders = ['electron', 'renderer', 'shared', 'lab', 'assets'].map((folder) => path.join(root, folder));
const sourceFiles = ['package.json', 'vite.config.ts', 'scripts/build.mjs'].map((file) => path.join(root, file));

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

// The main process is bundled as CommonJS; modules that use import.meta.url get the bundle's own URL.
const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

export async function build() {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  await esbuild({
    ...nodeBundle,
    entryPoints: [path.join(root, 'electron/main/index.ts')],
    outfile: path.join(out, 'main/index.cjs'),
    // Dependencies are bundled too (some, like jose, ship only as ES modules); the secure token-cache
    // module is loaded at run time through createRequire and stays in node_modules with its native parts.
    external: ['electron', '@azure/msal-node-extensions', 'keytar'],
  });
  // A sandboxed preload cannot require packages, so everything but electron is bundled into it.
  await esbuild({
    ...nodeBundle,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: path.join(out, 'preload/index.cjs'),
    external: ['electron'],
  });
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
