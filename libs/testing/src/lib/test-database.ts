import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { testDatabaseUrl, withAdminClient } from './admin-database';
import { forgetMigratedTemplate, migratedTemplate } from './migrated-template';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** No schema at all, for a test of the migrations themselves; otherwise it is fully migrated. */
  empty?: boolean;
}

/**
 * A fresh database of this test's own, already migrated: a copy of a template migrated once per
 * set of migrations (copying takes a fraction of a second; running 40 migrations takes seconds).
 * The API still runs its migrations on boot and finds none pending.
 */
export async function createTestDatabase(
  opts: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const name = `sb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const copy = async () => {
    const template = opts.empty ? null : await migratedTemplate();
    await withAdminClient((c) =>
      copyWithRetry(c, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`),
    );
  };
  await copy().catch(async (err: unknown) => {
    // invalid_catalog_name: the template was dropped by an older run's cleanup; build it again.
    if ((err as { code?: string }).code !== '3D000') throw err;
    forgetMigratedTemplate();
    await copy();
  });
  return {
    url: testDatabaseUrl(name),
    name,
    drop: () =>
      withAdminClient(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** A copy fails while another copy of the same template is starting (object_in_use): retry. */
async function copyWithRetry(client: Client, sql: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(sql);
      return;
    } catch (err) {
      const inUse = (err as { code?: string }).code === '55006';
      if (!inUse || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
}
