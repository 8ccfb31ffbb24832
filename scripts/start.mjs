#!/usr/bin/env node
// `npm start`: builds what is missing and runs Switchboard with the inbox, the widget demo and,
// unless DATABASE_URL is set, an embedded PostgreSQL kept in .data/.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { run } from './lib/run.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
process.env.NX_TUI = 'false';
mkdirSync('.data', { recursive: true });

// A stable APP_SECRET for this installation: it encrypts channel credentials at rest.
if (!process.env.APP_SECRET) {
  const file = '.data/app-secret';
  if (!existsSync(file))
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  process.env.APP_SECRET = readFileSync(file, 'utf8').trim();
}

if (process.env.SKIP_BUILD !== '1') {
  console.log('Building Switchboard (cached after the first time)…');
  const code = await run('npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'inbox',
    'widget',
    '--outputStyle=static',
  ]);
  if (code !== 0) process.exit(code);
}

let embedded = null;
if (!process.env.DATABASE_URL) {
  const fallback = join(
    tmpdir(),
    `switchboard-${createHash('sha1').update(root).digest('hex').slice(0, 8)}`,
    'pg',
  );
  embedded = await startEmbeddedPostgres({
    dataDir: '.data/pg',
    fallbackDir: fallback,
    persistent: true,
  });
  process.env.DATABASE_URL = embedded.url;
  console.log(`Embedded PostgreSQL running (data in ${embedded.dir})`);
}

const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
  stdio: 'inherit',
  env: {
    NODE_ENV: 'development',
    // On a laptop the mail server or the receiving app is often local.
    ALLOW_PRIVATE_NETWORK_TARGETS: 'true',
    INBOX_DIST_DIR: join(root, 'dist/apps/inbox'),
    WIDGET_DIST_DIR: join(root, 'dist/apps/widget'),
    STORAGE_DIR: join(root, '.data/files'),
    ...process.env,
  },
});

// embedded-postgres installs exit hooks that stop the database at the first signal; here the
// server shuts down gracefully first and the database stops after it (child 'exit' below).
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', async (code) => {
  await embedded?.stop().catch(() => undefined);
  process.exit(code ?? 0);
});
