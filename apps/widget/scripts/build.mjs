// Builds both widget outputs into dist/apps/widget: loader.js (classic script) and chat.js (ES module).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
rmSync(here('../../../dist/apps/widget'), { recursive: true, force: true });
await build({ configFile: here('../vite.loader.config.mts'), logLevel: 'warn' });
await build({ configFile: here('../vite.config.mts'), logLevel: 'warn' });
// The loader's size budget is part of the build: an oversized loader fails it.
await import('./check-size.mjs');
