import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: operators can be deactivated (history kept) and choose an avatar; admins invite
 * colleagues with one-time links, of which only the token's SHA-256 is stored.
 */
export class People1796500000000 implements MigrationInterface {
  name = 'People1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE operators ADD COLUMN avatar_url text, ADD COLUMN deactivated_at timestamptz;

      CREATE TABLE operator_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CONSTRAINT operator_invitations_role_check CHECK (role IN ('admin', 'agent')),
        token_hash bytea NOT NULL UNIQUE,
        invited_by_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX operator_invitations_account_idx ON operator_invitations (account_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS operator_invitations;
      ALTER TABLE operators DROP COLUMN IF EXISTS avatar_url, DROP COLUMN IF EXISTS deactivated_at;
    `);
  }
}
