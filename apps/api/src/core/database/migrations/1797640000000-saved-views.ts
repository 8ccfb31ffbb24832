import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views: a named feed query (jsonb), personal to its owner or shared with the account,
 * pinned in the sidebar in the owner's order. Names are unique per owner and, for shared views,
 * per account, in any case.
 */
export class SavedViews1797640000000 implements MigrationInterface {
  name = 'SavedViews1797640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        owner_operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        name text NOT NULL,
        shared boolean NOT NULL DEFAULT false,
        query jsonb NOT NULL,
        pinned boolean NOT NULL DEFAULT true,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT saved_views_name_check CHECK (char_length(name) BETWEEN 1 AND 80),
        CONSTRAINT saved_views_query_check CHECK (jsonb_typeof(query) = 'object')
      );
      CREATE UNIQUE INDEX saved_views_owner_name_key ON saved_views (owner_operator_id, lower(name));
      CREATE UNIQUE INDEX saved_views_shared_name_key ON saved_views (account_id, lower(name))
        WHERE shared;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS saved_views;`);
  }
}
