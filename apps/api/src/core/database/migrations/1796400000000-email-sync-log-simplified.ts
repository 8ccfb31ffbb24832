import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email sync log's `simplified` entry: a message whose parse ran past its time budget (or
 * crashed its worker) and was stored as plain text, with the reason.
 */
export class EmailSyncLogSimplified1796400000000 implements MigrationInterface {
  name = 'EmailSyncLogSimplified1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_sync_log DROP CONSTRAINT email_sync_log_action_check;
      ALTER TABLE email_sync_log ADD CONSTRAINT email_sync_log_action_check
        CHECK (action IN ('refused', 'skipped', 'capped', 'failed', 'simplified'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The older schema has no such entry; the closest it knows is "skipped" (stored, with a reason).
    await q.query(`
      UPDATE email_sync_log SET action = 'skipped' WHERE action = 'simplified';
      ALTER TABLE email_sync_log DROP CONSTRAINT email_sync_log_action_check;
      ALTER TABLE email_sync_log ADD CONSTRAINT email_sync_log_action_check
        CHECK (action IN ('refused', 'skipped', 'capped', 'failed'));
    `);
  }
}
