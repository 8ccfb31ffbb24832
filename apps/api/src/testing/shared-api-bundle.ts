import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { buildApiBundle } from './bundled-api';

const ROOT = join(__dirname, '../../../..');
const TMP = join(ROOT, 'tmp');
const PREFIX = 'api-bundle-';
/** What the bundle is made of: sources, the webpack and TypeScript configs, the lock file. */
const INPUTS = ['apps/api/src', 'libs', 'apps/api/webpack.config.js', 'tsconfig.base.json'];
const COMPLETE = '.complete';
/** A builder that left its lock this long ago has died: the lock is taken over. */
const STALE_LOCK_MS = 10 * 60_000;

let shared: Promise<string> | null = null;

/**
 * The API bundle (main.js and the email parse worker) of the current sources, built once under
 * tmp/ and shared by every suite and jest worker that runs it (the kill -9 storm, the email crash
 * test, the worker-in-the-bundle test): a webpack build takes 20–60 s. Its folder is named by a
 * hash of the inputs, so an edit builds a new one; builders take turns through a lock folder.
 */
export function sharedApiBundle(): Promise<string> {
  shared ??= ensureBuilt().catch((err: unknown) => {
    shared = null;
    throw err;
  });
  return shared;
}

async function ensureBuilt(): Promise<string> {
  mkdirSync(TMP, { recursive: true });
  const dir = join(TMP, `${PREFIX}${inputsHash()}`);
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(join(dir, COMPLETE))) return dir;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker builds it: wait, unless its lock is abandoned.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (existsSync(join(dir, COMPLETE))) return dir;
      removeOtherBundles(dir);
      const building = `${dir}.building-${process.pid}`;
      await buildApiBundle(building);
      writeFileSync(join(building, COMPLETE), new Date().toISOString());
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Bundles of older sources, once no run can still be using them (an hour untouched). */
function removeOtherBundles(keep: string): void {
  for (const name of readdirSync(TMP)) {
    const path = join(TMP, name);
    if (!name.startsWith(PREFIX) || path === keep || name.endsWith('.lock')) continue;
    const age = Date.now() - statSync(path).mtimeMs;
    if (age > 60 * 60_000) rmSync(path, { recursive: true, force: true });
  }
}

function inputsHash(): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const path = join(ROOT, rel);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(rel, name));
      }
      return;
    }
    hash.update(rel).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of INPUTS) visit(input);
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}
