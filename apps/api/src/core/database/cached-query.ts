import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Reads on hot paths (the feed, the session check on every request): the query builder writes the
 * SQL once per shape of the query, and each call only binds its parameters and runs it. That skips
 * TypeORM's per-call SQL generation and result handling, about 0.3 ms a query here (the A/B in
 * docs/benchmarks.md). The SQL is still the builder's, typed against the entities.
 */
export class CachedQuery {
  private readonly sqlByShape = new Map<string, string>();

  /**
   * `shape` names everything that changes the SQL text (which filters are present); `params` must
   * hold every named parameter the built query uses.
   */
  rows<T>(
    em: EntityManager,
    shape: string,
    build: () => SelectQueryBuilder<ObjectLiteral>,
    params: ObjectLiteral,
  ): Promise<T[]> {
    return this.sqlRows<T>(em, shape, () => build().getQuery(), params);
  }

  /**
   * The same for SQL composed of builders' SQL (a UNION of two of them, in a repository), with
   * the builders' named parameters.
   */
  async sqlRows<T>(
    em: EntityManager,
    shape: string,
    build: () => string,
    params: ObjectLiteral,
  ): Promise<T[]> {
    let sql = this.sqlByShape.get(shape);
    if (sql === undefined) {
      sql = build();
      this.sqlByShape.set(shape, sql);
    }
    const [text, values] = em.connection.driver.escapeQueryWithParameters(sql, params);
    return (await em.query(text, values)) as T[];
  }
}
