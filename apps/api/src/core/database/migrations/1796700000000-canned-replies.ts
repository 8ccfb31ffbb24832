import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canned replies: shared (per account) and personal (per operator), each shortcut unique within
 * its scope.
 */
export class CannedReplies1796700000000 implements MigrationInterface {
  name = 'CannedReplies1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE canned_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        scope text NOT NULL,
        owner_operator_id uuid REFERENCES operators(id) ON DELETE CASCADE,
        title text NOT NULL,
        shortcut text NOT NULL,
        body text NOT NULL,
        attachment_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT canned_replies_scope_check CHECK (scope IN ('shared', 'personal')),
        CONSTRAINT canned_replies_owner_check CHECK ((scope = 'personal') = (owner_operator_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX canned_replies_shared_shortcut_key ON canned_replies (account_id, shortcut)
        WHERE scope = 'shared';
      CREATE UNIQUE INDEX canned_replies_personal_shortcut_key ON canned_replies (owner_operator_id, shortcut)
        WHERE scope = 'personal';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS canned_replies;`);
  }
}
