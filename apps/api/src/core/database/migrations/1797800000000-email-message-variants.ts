import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email: a Message-ID reused by a different mail is stored as its own message. The seen record
 * keeps a fingerprint of the mail's content (null for mail seen before this migration: those stay
 * skipped as before), and the sync log says when a mail is skipped as a duplicate.
 */
export class EmailMessageVariants1797800000000 implements MigrationInterface {
  name = 'EmailMessageVariants1797800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_seen_messages ADD COLUMN fingerprint text;
      ALTER TABLE email_sync_log DROP CONSTRAINT email_sync_log_action_check;
      ALTER TABLE email_sync_log ADD CONSTRAINT email_sync_log_action_check
        CHECK (action IN ('refused', 'skipped', 'capped', 'failed', 'simplified', 'duplicate'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM email_sync_log WHERE action = 'duplicate';
      ALTER TABLE email_sync_log DROP CONSTRAINT email_sync_log_action_check;
      ALTER TABLE email_sync_log ADD CONSTRAINT email_sync_log_action_check
        CHECK (action IN ('refused', 'skipped', 'capped', 'failed', 'simplified'));
      ALTER TABLE email_seen_messages DROP COLUMN fingerprint;
    `);
  }
}
