import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The loader: a classic script (IIFE) the site owner pastes; it must stay under 10 KB gzip. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/widget', import.meta.url)),
    emptyOutDir: false,
    sourcemap: false,
    minify: true,
    target: 'es2020',
    lib: {
      entry: fileURLToPath(new URL('src/loader/loader.ts', import.meta.url)),
      formats: ['iife'],
      name: 'SwitchboardWidgetLoader',
      fileName: () => 'loader.js',
    },
  },
});
