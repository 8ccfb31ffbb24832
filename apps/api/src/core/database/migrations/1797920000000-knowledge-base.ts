import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base. An article is one idea; each language has its own version (title, slug,
 * body, draft or published), so a Russian translation can be published while the Arabic one is
 * still a draft. Bodies are stored sanitised (`body_html`) beside their plain text (`body_text`),
 * which search reads through the same `sb_search_vector` as messages (every script, stems for
 * Russian, English and Arabic). Feedback is one vote per reader and version.
 */
export class KnowledgeBase1797920000000 implements MigrationInterface {
  name = 'KnowledgeBase1797920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kb_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        slug text NOT NULL,
        names jsonb NOT NULL DEFAULT '{}'::jsonb,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, slug)
      );

      CREATE TABLE kb_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        category_id uuid REFERENCES kb_categories(id) ON DELETE SET NULL,
        source_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        created_by_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX kb_articles_category_idx ON kb_articles (category_id);

      CREATE TABLE kb_article_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        article_id uuid NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
        locale text NOT NULL CONSTRAINT kb_article_versions_locale_check
          CHECK (locale IN ('en', 'ru', 'bg', 'ar')),
        title text NOT NULL,
        slug text NOT NULL,
        body_html text NOT NULL,
        body_text text NOT NULL,
        status text NOT NULL DEFAULT 'draft' CONSTRAINT kb_article_versions_status_check
          CHECK (status IN ('draft', 'published')),
        published_at timestamptz,
        updated_by_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (article_id, locale),
        UNIQUE (account_id, locale, slug)
      );
      CREATE INDEX kb_article_versions_search_idx ON kb_article_versions
        USING gin (account_id, sb_search_vector(title || ' ' || body_text));

      CREATE TABLE kb_article_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES kb_article_versions(id) ON DELETE CASCADE,
        reader_key text NOT NULL,
        helpful boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (version_id, reader_key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE kb_article_feedback;
      DROP TABLE kb_article_versions;
      DROP TABLE kb_articles;
      DROP TABLE kb_categories;
    `);
  }
}
