import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open feed's page of due snoozes the sweeper has not written yet (DUE_SNOOZE_SQL): walked in
 * the feed's order, newest first, so a storm of 100,000 due at once is not sorted on every look.
 * Partial: only snoozed conversations are in it, and the sweeper's wake-up takes them out.
 */
export class DueSnoozeFeedIndex1798020000000 implements MigrationInterface {
  name = 'DueSnoozeFeedIndex1798020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX conversations_due_snooze_feed_idx ON conversations
         (account_id, GREATEST(last_activity_at, snoozed_until) DESC, id DESC)
         WHERE status = 'snoozed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX conversations_due_snooze_feed_idx`);
  }
}
