import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { pendingSchemaChanges } from './migration-generator';
import { runMigrations } from './run-migrations';
import { SchemaCatalogRepository } from './schema-catalog.repository';

/**
 * The entities are the schema's one typed description; the migrations build it. This keeps the two
 * from drifting apart: once the migrations ran, TypeORM must find nothing to change, and a database
 * built from the entities alone must match the migrated one in every column, constraint and index.
 */
describe('schema drift between entities and migrations', () => {
  let migrated: TestDatabase;
  let fromEntities: TestDatabase;
  let ds: DataSource;
  let synced: DataSource;

  beforeAll(async () => {
    migrated = await createTestDatabase({ empty: true });
    fromEntities = await createTestDatabase({ empty: true });
    await runMigrations(migrated.url);
    ds = new DataSource(dataSourceOptions(migrated.url, 2));
    await ds.initialize();
    synced = new DataSource({ ...dataSourceOptions(fromEntities.url, 2), synchronize: true });
    await synced.initialize();
  });

  afterAll(async () => {
    await synced?.destroy();
    await ds?.destroy();
    await migrated?.drop();
    await fromEntities?.drop();
  });

  it('TypeORM generates no migration from the entities on a migrated database', async () => {
    // The same call `npm run migration:generate` makes.
    expect((await pendingSchemaChanges(migrated.url)).up).toEqual([]);
  });

  it('a database built from the entities alone matches the migrated one', async () => {
    const tables = ds.entityMetadatas.map((m) => m.tableName);
    // Indexes TypeORM cannot express (DESC keys, expressions) are declared with synchronize: false.
    const manual = ds.entityMetadatas.flatMap((m) =>
      m.indices.filter((i) => !i.synchronize).map((i) => i.name),
    );
    expect(await new SchemaCatalogRepository(synced).snapshot(tables, manual)).toEqual(
      await new SchemaCatalogRepository(ds).snapshot(tables, manual),
    );
  });

  it('every index declared by name only exists in the migrated schema, on its entity table', async () => {
    const declared = ds.entityMetadatas.flatMap((m) =>
      m.indices.filter((i) => !i.synchronize).map((i) => `${m.tableName}.${i.name}`),
    );
    expect(declared.length).toBeGreaterThan(0);
    const existing = new Set(await new SchemaCatalogRepository(ds).indexNames());
    expect(declared.filter((name) => !existing.has(name))).toEqual([]);
  });

  it('every table of the application has an entity', async () => {
    const withEntity = new Set(ds.entityMetadatas.map((m) => m.tableName));
    const tables = await new SchemaCatalogRepository(ds).tableNames();
    expect(tables.filter((t) => !withEntity.has(t))).toEqual([]);
  });
});
