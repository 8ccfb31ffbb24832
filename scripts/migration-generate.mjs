#!/usr/bin/env node
// `npm run migration:generate <Name>`: a migration from entity changes. Builds the API, applies
// every migration to a scratch database, and writes what the entities still need as
// apps/api/src/core/database/migrations/<timestamp>-<name>.ts. Review it before committing.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { run } from './lib/run.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: npm run migration:generate <PascalCaseName>   e.g. AddTags');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
process.env.NX_DAEMON = 'false';
if ((await run('npx', ['nx', 'build', 'api', '--outputStyle=static'])) !== 0) process.exit(1);

let embedded = null;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `switchboard-migration-pg-${process.pid}`),
    persistent: false,
  });
}
const admin = process.env.DATABASE_URL ?? embedded.url;
const scratch = `sb_migration_${randomBytes(4).toString('hex')}`;
const sql = async (text) => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
};
let code = 1;
try {
  await sql(`CREATE DATABASE ${scratch}`);
  const url = Object.assign(new URL(admin), { pathname: `/${scratch}` }).toString();
  const dir = 'apps/api/src/core/database/migrations';
  code = await run('node', ['dist/apps/api/main.js', 'migration:generate', name, dir], {
    env: { DATABASE_URL: url },
  });
  if (code === 0) code = await run('npx', ['prettier', '--write', '--log-level=warn', dir]);
} finally {
  await sql(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
}
process.exit(code);
