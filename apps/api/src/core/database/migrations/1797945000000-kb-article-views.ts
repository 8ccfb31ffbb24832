import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Articles a web chat visitor opened in the widget: the operator sees which ones were read before
 * the visitor wrote. The visitor is named as their contact identity on the inbox (inbox +
 * `visitor:<id>`), which exists only once they write, so views are kept by that key.
 */
export class KbArticleViews1797945000000 implements MigrationInterface {
  name = 'KbArticleViews1797945000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kb_article_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        visitor_key text NOT NULL,
        version_id uuid NOT NULL REFERENCES kb_article_versions(id) ON DELETE CASCADE,
        viewed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX kb_article_views_visitor_idx ON kb_article_views (inbox_id, visitor_key, viewed_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kb_article_views;`);
  }
}
