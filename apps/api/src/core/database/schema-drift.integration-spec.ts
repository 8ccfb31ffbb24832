import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { pendingSchemaChanges } from './migration-generator';
import { runMigrations } from './run-migrations';

interface SchemaSnapshot {
  columns: string[];
  constraints: string[];
  indexes: string[];
}

/** The catalog's own description of the given tables, in a form two databases can be compared by. */
async function snapshot(
  url: string,
  tables: string[],
  skipIndexes: string[],
): Promise<SchemaSnapshot> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const columns = await c.query<{ line: string }>(
      `SELECT format('%s.%s %s%s null=%s default=%s', table_name, column_name, udt_name,
                     CASE WHEN data_type = 'ARRAY' THEN '[]' ELSE '' END, is_nullable, column_default) AS line
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ANY($1)
        ORDER BY 1`,
      [tables],
    );
    const constraints = await c.query<{ line: string }>(
      `SELECT format('%s.%s %s', rel.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
         FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
         JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname = ANY($1)
        ORDER BY 1`,
      [tables],
    );
    const indexes = await c.query<{ line: string }>(
      `SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = ANY($1) AND NOT indexname = ANY($2)
        ORDER BY indexname`,
      [tables, skipIndexes],
    );
    return {
      // TypeORM writes a bigint default as '0'::bigint where the migrations wrote 0: the same value.
      columns: columns.rows.map((r) => r.line.replace(/default='(-?\d+)'::bigint$/, 'default=$1')),
      constraints: constraints.rows.map((r) => r.line),
      indexes: indexes.rows.map((r) => r.line),
    };
  } finally {
    await c.end();
  }
}

/**
 * The entities are the schema's one typed description; the migrations build it. This keeps the two
 * from drifting apart: once the migrations ran, TypeORM must find nothing to change, and a database
 * built from the entities alone must match the migrated one in every column, constraint and index.
 */
describe('schema drift between entities and migrations', () => {
  let migrated: TestDatabase;
  let fromEntities: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    migrated = await createTestDatabase();
    fromEntities = await createTestDatabase();
    await runMigrations(migrated.url);
    ds = new DataSource(dataSourceOptions(migrated.url, 2));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await migrated?.drop();
    await fromEntities?.drop();
  });

  it('TypeORM generates no migration from the entities on a migrated database', async () => {
    // The same call `npm run migration:generate` makes.
    expect((await pendingSchemaChanges(migrated.url)).up).toEqual([]);
  });

  it('a database built from the entities alone matches the migrated one', async () => {
    const synced = new DataSource({ ...dataSourceOptions(fromEntities.url, 2), synchronize: true });
    await synced.initialize();
    await synced.destroy();
    const tables = ds.entityMetadatas.map((m) => m.tableName);
    // Indexes TypeORM cannot express (DESC keys, expressions) are declared with synchronize: false.
    const manual = ds.entityMetadatas.flatMap((m) =>
      m.indices.filter((i) => !i.synchronize).map((i) => i.name),
    );
    expect(await snapshot(fromEntities.url, tables, manual)).toEqual(
      await snapshot(migrated.url, tables, manual),
    );
  });

  it('every index declared by name only exists in the migrated schema, on its entity table', async () => {
    const declared = ds.entityMetadatas.flatMap((m) =>
      m.indices.filter((i) => !i.synchronize).map((i) => `${m.tableName}.${i.name}`),
    );
    expect(declared.length).toBeGreaterThan(0);
    const rows = (await ds.query(
      `SELECT tablename || '.' || indexname AS name FROM pg_indexes WHERE schemaname = 'public'`,
    )) as { name: string }[];
    const existing = new Set(rows.map((r) => r.name));
    expect(declared.filter((name) => !existing.has(name))).toEqual([]);
  });

  it('every table of the application has an entity', async () => {
    const rows = (await ds.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'typeorm_migrations'
        ORDER BY 1`,
    )) as { name: string }[];
    const withEntity = new Set(ds.entityMetadatas.map((m) => m.tableName));
    expect(rows.map((r) => r.name).filter((t) => !withEntity.has(t))).toEqual([]);
  });
});
