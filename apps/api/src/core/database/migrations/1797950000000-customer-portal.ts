import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer portal: one-time sign-in links (one row per request, known address or not, so the
 * same rows give the per-address and per-IP rate limits) and portal sessions, apart from operators'.
 * Only SHA-256 hashes of tokens and addresses are stored.
 */
export class CustomerPortal1797950000000 implements MigrationInterface {
  name = 'CustomerPortal1797950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE portal_sign_in_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        email_hash bytea NOT NULL,
        ip text,
        contact_ids uuid[] NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX portal_sign_in_links_email_idx ON portal_sign_in_links (account_id, email_hash, created_at);
      CREATE INDEX portal_sign_in_links_ip_idx ON portal_sign_in_links (ip, created_at);

      CREATE TABLE portal_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        contact_ids uuid[] NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX portal_sessions_account_idx ON portal_sessions (account_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS portal_sessions;
      DROP TABLE IF EXISTS portal_sign_in_links;
    `);
  }
}
