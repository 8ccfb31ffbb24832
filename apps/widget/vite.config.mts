import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The chat UI: one ES module (chat.js) the loader imports on first open. The loader has its own
 * config (vite.loader.config.mts) because it must be a classic script for a plain <script> tag.
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
      formats: ['es'],
      fileName: () => 'chat.js',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
  },
});
