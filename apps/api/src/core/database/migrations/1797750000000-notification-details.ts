import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a notification says beyond its type: an automation rule's name and its message. */
export class NotificationDetails1797750000000 implements MigrationInterface {
  name = 'NotificationDetails1797750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN detail jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN detail`);
  }
}
