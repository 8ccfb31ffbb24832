import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/** How to start one worker thread: the `new Worker(filename, options)` arguments. */
export interface WorkerEntry {
  filename: string;
  options: WorkerOptions;
}

const BUNDLED = 'email-parse.worker.js';
const SOURCE = 'email-parse.worker.ts';
const BOOTSTRAP = 'typescript-worker-bootstrap.cjs';

/**
 * Where the email parse worker lives next to this module. In the webpack build it is its own
 * entry (`apps/api/webpack.config.js`), emitted beside `main.js`, which is `dir` there. Run from
 * source (ts-jest, ts-node), `dir` is this folder and the worker is TypeScript, which a worker
 * thread cannot load on its own: typescript-worker-bootstrap.cjs installs a loader, then runs it.
 */
export function emailParseWorkerEntry(dir: string = __dirname): WorkerEntry {
  const bundled = join(dir, BUNDLED);
  if (existsSync(bundled)) return { filename: bundled, options: {} };
  const source = join(dir, SOURCE);
  const bootstrap = join(dir, BOOTSTRAP);
  if (!existsSync(source) || !existsSync(bootstrap))
    throw new Error(`No email parse worker beside ${dir}`);
  return {
    filename: bootstrap,
    options: { workerData: { root: workspaceRoot(dir), entry: source } },
  };
}

function workspaceRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'tsconfig.base.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No workspace root above ${from}`);
    dir = parent;
  }
  return dir;
}
