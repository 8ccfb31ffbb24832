import type { EntityManager } from 'typeorm';

/**
 * Lets a library that writes its own SQL (pg-boss) run it on the caller's transaction connection,
 * so what it writes commits or rolls back with the caller's change. The SQL is the library's.
 */
export function transactionSqlExecutor(em: EntityManager) {
  return {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: (await em.query(text, values)) as unknown[],
    }),
  };
}
