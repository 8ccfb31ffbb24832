#!/usr/bin/env node
// Measures the JavaScript the inbox loads on first paint: the entry chunk of the production build
// plus every chunk it imports statically (dynamic imports load later, so they are not counted),
// gzipped. Reads Vite's build manifest. `--write` records the figure in docs/benchmarks.md.
//
//   npx vite build (in apps/inbox)  then  node apps/inbox/scripts/measure-bundle.mjs [--write]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET_KB = 250;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = join(root, 'dist/apps/inbox');
const manifestPath = join(dist, '.vite/manifest.json');

if (!existsSync(manifestPath)) {
  console.error(
    `No build manifest at ${manifestPath}. Build first: (cd apps/inbox && npx vite build)`,
  );
  process.exit(2);
}

/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], css?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`Expected one entry chunk, found ${entries.length}`);
  process.exit(2);
}

const firstPaint = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstPaint.has(chunk.file)) return;
  firstPaint.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entries[0][0]);

const kb = (bytes) => bytes / 1000;
const rows = [...firstPaint].map((file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce(
  (sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  {
    raw: 0,
    gzip: 0,
    brotli: 0,
  },
);
const css = (manifest[entries[0][0]].css ?? []).map(
  (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
);
const cssGzip = css.reduce((a, b) => a + b, 0);

for (const r of rows)
  console.log(`${r.file}  ${kb(r.raw).toFixed(1)} kB raw  ${kb(r.gzip).toFixed(1)} kB gzip`);
console.log(
  `First-paint JavaScript: ${kb(total.gzip).toFixed(1)} kB gzip (${kb(total.brotli).toFixed(1)} kB brotli, ${kb(total.raw).toFixed(1)} kB raw); budget ${BUDGET_KB} kB gzip`,
);

/** A Markdown table padded the way Prettier prints it (first column left, second right). */
function markdownTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

if (process.argv.includes('--write')) {
  const file = join(root, 'docs/benchmarks.md');
  const section = `<!-- inbox-bundle:start -->

## Inbox SPA bundle

JavaScript the operators' inbox loads on first paint, measured by
\`node apps/inbox/scripts/measure-bundle.mjs --write\` on ${new Date().toISOString().slice(0, 10)} from the production build
(\`vite build\`): the entry chunk plus its static imports from the build manifest, gzip level 9.
React 19, zustand, socket.io-client, @tanstack/react-virtual and the app itself; the i18n layer is
our own (Intl-based) and the contracts are imported as types only, so zod never reaches the browser.

${markdownTable(
  ['First paint', 'Size'],
  [
    ['JavaScript, gzip', `**${kb(total.gzip).toFixed(1)} kB**`],
    ['JavaScript, brotli', `${kb(total.brotli).toFixed(1)} kB`],
    ['JavaScript, raw', `${kb(total.raw).toFixed(1)} kB`],
    ['CSS, gzip', `${kb(cssGzip).toFixed(1)} kB`],
  ],
)}

Target: < ${BUDGET_KB} kB gzipped JavaScript. Result: ${total.gzip / 1000 < BUDGET_KB ? 'met' : 'not met'}.
<!-- inbox-bundle:end -->`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  doc = doc.includes('<!-- inbox-bundle:start -->')
    ? doc.replace(/<!-- inbox-bundle:start -->[\s\S]*<!-- inbox-bundle:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, doc);
  console.log(`Wrote the "Inbox SPA bundle" section of ${file}`);
}

if (total.gzip / 1000 >= BUDGET_KB) process.exit(1);
