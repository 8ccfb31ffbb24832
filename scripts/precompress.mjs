#!/usr/bin/env node
// Writes `<file>.br` and `<file>.gz` beside every compressible file of a build, once, at build
// time: the server then sends the smaller variant the client accepts without compressing per
// request (brotli at its highest quality is far too slow to run on each response).
// Usage: node scripts/precompress.mjs <dir> [<dir> ...]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats only: images, fonts (woff2) and archives are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.xml',
  '.webmanifest',
  '.ico',
]);

/** Below this a variant saves less than its own request overhead. */
const MIN_BYTES = 256;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Dot entries (Vite's .vite/manifest.json) are never served.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Returns what was written: one row per source file with its three sizes. */
export function precompress(dir) {
  const written = [];
  for (const file of filesUnder(resolve(dir))) {
    if (!COMPRESSIBLE_EXTENSIONS.has(extname(file))) continue;
    const source = readFileSync(file);
    if (source.length < MIN_BYTES) continue;
    const br = brotliCompressSync(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    });
    const gz = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
    // A variant that is not smaller is never worth sending; the server falls back to the original.
    if (br.length < source.length) writeFileSync(`${file}.br`, br);
    if (gz.length < source.length) writeFileSync(`${file}.gz`, gz);
    written.push({ file, bytes: statSync(file).size, br: br.length, gzip: gz.length });
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error('usage: node scripts/precompress.mjs <dir> [<dir> ...]');
    process.exit(2);
  }
  for (const dir of dirs) {
    const rows = precompress(dir);
    const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
    console.log(
      `precompressed ${rows.length} files in ${dir}: ${sum('bytes')} B → br ${sum('br')} B, gzip ${sum('gzip')} B`,
    );
  }
}
