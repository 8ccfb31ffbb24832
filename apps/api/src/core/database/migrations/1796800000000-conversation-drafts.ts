import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reply drafts on the server: one per operator and conversation, gone with either. */
export class ConversationDrafts1796800000000 implements MigrationInterface {
  name = 'ConversationDrafts1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversation_drafts (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        text text NOT NULL,
        mode text NOT NULL DEFAULT 'reply' CONSTRAINT conversation_drafts_mode_check
          CHECK (mode IN ('reply', 'note')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operator_id, conversation_id)
      );
      CREATE INDEX conversation_drafts_conversation_id_idx ON conversation_drafts (conversation_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS conversation_drafts');
  }
}
