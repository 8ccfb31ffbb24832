import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merge and split of conversations. A merged conversation is closed and points at the one that
 * absorbed it (`merged_into_id`): the inbound path follows the pointer, so the customer's next
 * message on the old channel lands in the survivor. A reply may go out through another identity
 * of the customer than the conversation's own (`recipient_identity_id`, "Reply via").
 */
export class ConversationMergeSplit1797650000000 implements MigrationInterface {
  name = 'ConversationMergeSplit1797650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE conversations
        ADD COLUMN merged_into_id uuid REFERENCES conversations(id) ON DELETE SET NULL;
      CREATE INDEX conversations_merged_into_idx ON conversations (merged_into_id)
        WHERE merged_into_id IS NOT NULL;

      ALTER TABLE messages
        ADD COLUMN recipient_identity_id uuid REFERENCES contact_identities(id) ON DELETE SET NULL;
      CREATE INDEX messages_recipient_identity_idx ON messages (recipient_identity_id)
        WHERE recipient_identity_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages DROP COLUMN recipient_identity_id;
      ALTER TABLE conversations DROP COLUMN merged_into_id;
    `);
  }
}
