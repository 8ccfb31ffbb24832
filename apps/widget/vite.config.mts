import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The chat UI: one classic script (chat.js) the loader adds on first open. A classic script, not an
 * ES module, so it loads cross-origin from any site without CORS. The loader has its own config
 * (vite.loader.config.mts).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: {
      '@switchboard/contracts': fileURLToPath(
        new URL('../../libs/contracts/src/index.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/widget', import.meta.url)),
    emptyOutDir: false,
    sourcemap: false,
    minify: true,
    target: 'es2020',
    lib: {
      entry: fileURLToPath(new URL('src/chat/chat-main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'SwitchboardWidgetChat',
      fileName: () => 'chat.js',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
  },
});
