import type { EntityManager } from 'typeorm';

/** Runs a query and returns its rows, typed by the caller (the SQL is the schema's truth). */
export async function queryRows<T>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await em.query(sql, params);
  // UPDATE ... RETURNING comes back as [rows, count] from the pg driver through TypeORM.
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

export async function queryOne<T>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T | null> {
  const rows = await queryRows<T>(em, sql, params);
  return rows[0] ?? null;
}
