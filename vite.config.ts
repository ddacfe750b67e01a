import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer into out/renderer with relative paths, so it loads from app:// and the harness alike. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
});
