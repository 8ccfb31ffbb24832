// Fails when the loader, which every page of the customer's site downloads, grows past 10 KB gzip.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT = 10 * 1024;
const dist = (name) => fileURLToPath(new URL(`../../../dist/apps/widget/${name}`, import.meta.url));
const size = (name) => gzipSync(readFileSync(dist(name)), { level: 9 }).length;

const loader = size('loader.js');
const chat = size('chat.js');
console.log(
  `loader.js ${loader} B gzip (limit ${LIMIT}); chat.js ${chat} B gzip (loaded on first open)`,
);
if (loader > LIMIT) {
  console.error(`loader.js is ${loader} B gzip, over the ${LIMIT} B budget`);
  process.exit(1);
}
