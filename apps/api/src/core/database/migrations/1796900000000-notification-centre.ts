import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification centre lists an operator's notifications newest first, read or not; the older
 * index covers only the unread ones (for the count).
 */
export class NotificationCentre1796900000000 implements MigrationInterface {
  name = 'NotificationCentre1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX notifications_operator_created_idx ON notifications (operator_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_operator_created_idx`);
  }
}
