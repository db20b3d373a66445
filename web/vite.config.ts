/**
 * Vite build of the dashboard: web/ → dist/web, relative asset URLs so `sitrep serve` can mount it
 * anywhere. No source maps (they would ship the sources for nothing), no module-preload polyfill
 * (one less inline-looking snippet under a strict CSP). Depends on nothing in src/.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    // Images in leaflet's CSS we never show; keep every asset a file so nothing depends on data: URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
