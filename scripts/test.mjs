#!/usr/bin/env node
// `npm test`: the whole suite, exactly what CI runs. Lint, format, type-check, unit, integration
// against real PostgreSQL (DATABASE_URL, or an embedded server started here), and browser tests.
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSystemPackages } from './lib/system-packages.mjs';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { run } from './lib/run.mjs';

process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
process.env.NX_TUI = 'false';
const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
mkdirSync('tmp', { recursive: true });

ensureSystemPackages();

let embedded = null;
if (!process.env.DATABASE_URL) {
  const dir = join(tmpdir(), `switchboard-test-pg-${process.pid}`);
  embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
  process.env.DATABASE_URL = embedded.url;
  console.log(`No DATABASE_URL: using an embedded PostgreSQL on port ${embedded.port}`);
} else {
  console.log(`Using PostgreSQL at ${process.env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`);
}

const jestResults = 'tmp/jest-results.json';
const timingResults = 'tmp/jest-timing-results.json';
rmSync(jestResults, { force: true });
rmSync(timingResults, { force: true });
const steps = [
  ['project graph', 'npx', ['nx', 'show', 'projects']],
  ['lint (eslint + module boundaries)', 'npx', ['eslint', '.']],
  ['format (prettier)', 'npx', ['prettier', '--check', '.']],
  [
    'type-check',
    'npx',
    ['nx', 'run-many', '-t', 'typecheck', '--parallel=2', '--outputStyle=static'],
  ],
  [
    'build SPA and widget (for browser tests)',
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'inbox', 'widget', '--outputStyle=static'],
  ],
  [
    'web unit tests (vitest)',
    'npx',
    ['nx', 'run-many', '-t', 'test', '-p', 'inbox', 'widget', '--outputStyle=static'],
  ],
  [
    'unit, integration and browser tests (jest)',
    'npx',
    ['jest', '--ci', '--maxWorkers=2', '--forceExit', '--json', `--outputFile=${jestResults}`],
  ],
  [
    // Latency bounds (`*.timing-spec.ts`) measured alone, so a neighbouring suite cannot decide them.
    'timing tests, one at a time (jest)',
    'npx',
    [
      'jest',
      '-c',
      'jest.timing.config.cjs',
      '--ci',
      '--runInBand',
      '--forceExit',
      '--json',
      `--outputFile=${timingResults}`,
    ],
  ],
];

const failed = [];
try {
  for (const [name, cmd, args] of steps) {
    console.log(`\n=== ${name}`);
    const code = await run(cmd, args);
    if (code !== 0) {
      failed.push(name);
      console.log(`--- ${name}: FAILED (exit ${code})`);
    }
  }
} finally {
  await embedded?.stop().catch(() => undefined);
}

let passed = 0;
let failedTests = 0;
for (const results of [jestResults, timingResults]) {
  if (!existsSync(results)) continue;
  const r = JSON.parse(readFileSync(results, 'utf8'));
  passed += r.numPassedTests;
  failedTests += r.numFailedTests;
}
console.log('\n=== summary');
for (const [name] of steps) console.log(`${failed.includes(name) ? 'FAIL' : 'ok  '}  ${name}`);
console.log(
  `${passed} passed, ${failedTests + (failed.length && !failedTests ? failed.length : 0)} failed`,
);
process.exit(failed.length ? 1 : 0);
