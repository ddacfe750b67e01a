import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/*
 * Two builds of the same sources. The development build (`npm run build`: start, preview, tests) carries
 * the lab. The release build (`npm run build:release`, which `npm run dist` packs) replaces the lab's one
 * entry point by a module that refuses to run, so no lab tenant, lab account, lab password, lab module path,
 * node-forge or jose is in what ships; it has no source maps either. CW_BUILD_OUT names another output
 * folder than out/ (the release-build test builds into a temporary one).
 */
const labEntry = path.resolve('lab', 'index.ts');
const labAbsent = path.resolve('scripts', 'release', 'lab-absent.ts');

/** Resolves every import of lab/index.ts to the stand-in, whatever the relative path that names it. */
function withoutLab(): Plugin {
  return {
    name: 'connect-wizard:without-lab',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved !== null && path.resolve(resolved.id) === labEntry ? labAbsent : null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const release = mode === 'release';
  const outRoot = path.resolve(process.env['CW_BUILD_OUT'] ?? 'out');

  /** Main and preload are single CommonJS files (the sandboxed preload can require nothing but electron). */
  const commonJsEntry = (entry: string, outDir: string, external: string[] = []) => ({
    plugins: release ? [withoutLab()] : [],
    build: {
      outDir,
      emptyOutDir: true,
      externalizeDeps: false,
      sourcemap: !release,
      lib: { entry, formats: ['cjs' as const], fileName: () => 'index.cjs' },
      rolldownOptions: { external },
    },
  });

  return {
    // Dependencies are bundled too (some, like jose, ship only as ES modules); the secure token-cache
    // module is loaded at run time through createRequire and stays in node_modules with its native parts.
    main: commonJsEntry('electron/main/index.ts', path.join(outRoot, 'main'), ['@azure/msal-node-extensions', 'keytar']),
    preload: commonJsEntry('electron/preload/index.ts', path.join(outRoot, 'preload')),
    // Relative paths, so the renderer loads from app:// and the harness alike.
    renderer: {
      root: 'renderer',
      plugins: [react()],
      build: {
        outDir: path.join(outRoot, 'renderer'),
        emptyOutDir: true,
        rolldownOptions: { input: 'renderer/index.html' },
        sourcemap: !release,
        minify: true,
        chunkSizeWarningLimit: 4096,
        assetsInlineLimit: 0,
      },
    },
  };
});
