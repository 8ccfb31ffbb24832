import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search over all history. `sb_search_vector(text)` is every word of a message as written (the
 * `simple` configuration: prefix matches in any script) plus its stems where PostgreSQL has a
 * configuration (`russian` stems Cyrillic words and, through english_stem, Latin ones; `arabic`
 * stems Arabic). One GIN index on messages over (conversation_id, that vector) through btree_gin:
 * it finds a word's messages anywhere, and answers "does this conversation hold the word?" in
 * about 10 µs, so no column is added to the insert path. The function is PL/pgSQL with a high
 * cost so the planner never prefers recomputing it over the index (an SQL function would be
 * inlined and costed as cheap). The feed over every status walks `conversations_activity_idx`;
 * subjects match by part through pg_trgm (contacts already have `contacts_search_idx`).
 */
export class MessageSearch1797620000000 implements MigrationInterface {
  name = 'MessageSearch1797620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS btree_gin;

      CREATE FUNCTION sb_search_vector(t text) RETURNS tsvector
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
      BEGIN
        RETURN pg_catalog.to_tsvector('pg_catalog.simple'::pg_catalog.regconfig, t)
            || pg_catalog.to_tsvector('pg_catalog.russian'::pg_catalog.regconfig, t)
            || pg_catalog.to_tsvector('pg_catalog.arabic'::pg_catalog.regconfig, t);
      END
      $$;

      CREATE INDEX messages_search_idx ON messages USING gin (conversation_id, sb_search_vector(text))
        WHERE text IS NOT NULL;
      -- How many messages hold a word: the planner reads it from here (a partial index's own
      -- statistics are not used for estimates), and a search page picks its way by it.
      CREATE STATISTICS messages_search_stats ON (sb_search_vector(text)) FROM messages;
      CREATE INDEX conversations_activity_idx ON conversations (account_id, last_activity_at DESC, id DESC);
      CREATE INDEX conversations_subject_search_idx ON conversations USING gin (lower(subject) gin_trgm_ops)
        WHERE subject IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS conversations_subject_search_idx;
      DROP INDEX IF EXISTS conversations_activity_idx;
      DROP STATISTICS IF EXISTS messages_search_stats;
      DROP INDEX IF EXISTS messages_search_idx;
      DROP FUNCTION IF EXISTS sb_search_vector(text);
    `);
  }
}
