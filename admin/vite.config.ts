/**
 * The console's build (`npm run build:console`, scripts/build-console.ts): Vue 3 + TDesign Vue Next into
 * build/console, served at /console/ (by the local cloud, and by CloudBase static hosting in production).
 * Nothing is loaded from another origin at run time: the page's CSP allows only its own scripts.
 */
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/console/',
  plugins: [vue()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../build/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // No inlined assets as data: URLs beyond tiny ones; fonts and images are files of the console's own origin.
    assetsInlineLimit: 2048,
  },
  logLevel: 'warn',
});
