import type { DataSource } from 'typeorm';

export interface SchemaSnapshot {
  columns: string[];
  constraints: string[];
  indexes: string[];
}

/**
 * PostgreSQL's own description of the schema (information_schema and pg_catalog), in a form two
 * databases can be compared by. The drift test compares a migrated database with one built from
 * the entities alone.
 */
export class SchemaCatalogRepository {
  constructor(private readonly ds: DataSource) {}

  /** Columns, constraints and indexes of the given public tables, one line each, sorted. */
  async snapshot(tables: string[], skipIndexes: string[]): Promise<SchemaSnapshot> {
    // raw SQL: catalog views and format()/pg_get_constraintdef, which no entity describes.
    const columns = (await this.ds.query(
      `SELECT format('%s.%s %s%s null=%s default=%s', table_name, column_name, udt_name,
                     CASE WHEN data_type = 'ARRAY' THEN '[]' ELSE '' END, is_nullable, column_default) AS line
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ANY($1)
        ORDER BY 1`,
      [tables],
    )) as { line: string }[];
    // raw SQL: as above, for every constraint's normalised definition.
    const constraints = (await this.ds.query(
      `SELECT format('%s.%s %s', rel.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
         FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
         JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname = ANY($1)
        ORDER BY 1`,
      [tables],
    )) as { line: string }[];
    // raw SQL: as above, for every index's definition.
    const indexes = (await this.ds.query(
      `SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = ANY($1) AND NOT indexname = ANY($2)
        ORDER BY indexname`,
      [tables, skipIndexes],
    )) as { line: string }[];
    return {
      // TypeORM writes a bigint default as '0'::bigint where the migrations wrote 0: the same value.
      columns: columns.map((r) => r.line.replace(/default='(-?\d+)'::bigint$/, 'default=$1')),
      constraints: constraints.map((r) => r.line),
      indexes: indexes.map((r) => r.line),
    };
  }

  /** `table.index` for every index in the public schema. */
  async indexNames(): Promise<string[]> {
    // raw SQL: the pg_indexes catalog view.
    const rows = (await this.ds.query(
      `SELECT tablename || '.' || indexname AS name FROM pg_indexes WHERE schemaname = 'public'`,
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }

  /** Every table of the public schema but TypeORM's migration log. */
  async tableNames(): Promise<string[]> {
    // raw SQL: the information_schema.tables catalog view.
    const rows = (await this.ds.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'typeorm_migrations'
        ORDER BY 1`,
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }
}
