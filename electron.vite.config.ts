import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** Main and preload are single CommonJS files (the sandboxed preload can require nothing but electron). */
function commonJsEntry(entry: string, external: string[] = []) {
  return {
    build: {
      externalizeDeps: false,
      sourcemap: true,
      lib: { entry, formats: ['cjs' as const], fileName: () => 'index.cjs' },
      rolldownOptions: { external },
    },
  };
}

export default defineConfig({
  // Dependencies are bundled too (some, like jose, ship only as ES modules); the secure token-cache
  // module is loaded at run time through createRequire and stays in node_modules with its native parts.
  main: commonJsEntry('electron/main/index.ts', ['@azure/msal-node-extensions', 'keytar']),
  preload: commonJsEntry('electron/preload/index.ts'),
  // Relative paths, so the renderer loads from app:// and the harness alike.
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: 'renderer/index.html' },
      sourcemap: true,
      minify: true,
      chunkSizeWarningLimit: 4096,
      assetsInlineLimit: 0,
    },
  },
});
