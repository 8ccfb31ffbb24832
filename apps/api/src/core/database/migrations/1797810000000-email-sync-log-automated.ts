import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Email: automated mail (auto-replies, bulk, out-of-office) gets its own line in the sync log. */
export class EmailSyncLogAutomated1797810000000 implements MigrationInterface {
  name = 'EmailSyncLogAutomated1797810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_sync_log DROP CONSTRAINT email_sync_log_action_check;
      ALTER TABLE email_sync_log ADD CONSTRAINT email_sync_log_action_check
        CHECK (action IN ('refused', 'skipped', 'capped', 'failed', 'simplified', 'duplicate', 'automated'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM email_sync_log WHERE action = 'automated';
      ALTER TABLE email_sync_log DROP CONSTRAINT email_sync_log_action_check;
      ALTER TABLE email_sync_log ADD CONSTRAINT email_sync_log_action_check
        CHECK (action IN ('refused', 'skipped', 'capped', 'failed', 'simplified', 'duplicate'));
    `);
  }
}
