import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { testDatabaseUrl, withAdminClient } from './admin-database';

const API_ROOT = join(__dirname, '../../../../apps/api/src');
const MIGRATIONS_DIR = join(API_ROOT, 'core/database/migrations');
/** Any fixed number: serialises building the template between jest workers and runs. */
const BUILD_LOCK = 7_240_113;
const PREFIX = 'sb_template_';
const BUILT_MARK = 'built at ';
const STALE_AFTER_MS = 24 * 3_600_000;

let template: Promise<string> | null = null;

/**
 * The name of a database migrated to the current migrations, built once and shared by every
 * worker and run (its name holds a hash of the migration files, so an edited migration builds a
 * new one and the stale one is dropped). Nothing connects to it after it is built: PostgreSQL
 * copies a template only while no one is connected.
 */
export function migratedTemplate(): Promise<string> {
  template ??= buildOnce().catch((err: unknown) => {
    template = null;
    throw err;
  });
  return template;
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(MIGRATIONS_DIR, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildOnce(): Promise<string> {
  const name = `${PREFIX}${migrationsHash()}`;
  return withAdminClient(async (c) => {
    const exists = async (db: string) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rowCount === 1;
    if (await exists(name)) return name;
    await c.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
    try {
      if (await exists(name)) return name;
      // Built under another name and renamed when complete: a crash never leaves a half template.
      const building = `${PREFIX}building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      await runApiMigrations(testDatabaseUrl(building));
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await c.query(`COMMENT ON DATABASE ${name} IS '${BUILT_MARK}${Date.now()}'`);
      await dropStaleTemplates(c, name);
      return name;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]);
    }
  });
}

/**
 * Drops other checkouts' templates once they are a day old. A younger one may belong to a run
 * still going on this server (a CI clone beside a working tree with a new migration), and a copy
 * it is about to make must find it.
 */
async function dropStaleTemplates(c: Client, current: string): Promise<void> {
  const others = await c.query<{ datname: string; note: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS note
       FROM pg_database WHERE datname LIKE '${PREFIX}%' AND datname <> $1`,
    [current],
  );
  for (const { datname, note } of others.rows) {
    const built = note?.startsWith(BUILT_MARK) ? Number(note.slice(BUILT_MARK.length)) : 0;
    if (Date.now() - built < STALE_AFTER_MS) continue;
    // Dropped only once no one uses it (no FORCE).
    await c.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
}

/** Forgets the template (it was dropped under us): the next call builds it again. */
export function forgetMigratedTemplate(): void {
  template = null;
}

/** Libraries may not import applications, so the API's migration runner is loaded by path. */
async function runApiMigrations(url: string): Promise<void> {
  const { runMigrations } = require(join(API_ROOT, 'core/database/run-migrations')) as {
    runMigrations(databaseUrl: string): Promise<string[]>;
  };
  await runMigrations(url);
}
