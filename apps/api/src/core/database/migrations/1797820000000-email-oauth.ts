import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Connect Google/Microsoft" for email inboxes: the authorization requests between the redirect to
 * the provider and its callback (single use, short-lived). The tokens themselves are the inbox's
 * sealed secrets, like passwords.
 */
export class EmailOAuth1797820000000 implements MigrationInterface {
  name = 'EmailOAuth1797820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_oauth_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        inbox_id uuid REFERENCES inboxes(id) ON DELETE CASCADE,
        provider text NOT NULL,
        code_verifier_sealed text NOT NULL,
        nonce text NOT NULL,
        draft jsonb,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_oauth_requests_provider_check CHECK (provider IN ('google', 'microsoft')),
        CONSTRAINT email_oauth_requests_target_check CHECK ((inbox_id IS NULL) <> (draft IS NULL))
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS email_oauth_requests`);
  }
}
