import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inboxes can be paused: the pull loops (IMAP sync, Telegram long polling) skip them meanwhile. */
export class InboxPause1797840000000 implements MigrationInterface {
  name = 'InboxPause1797840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inboxes ADD COLUMN paused_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inboxes DROP COLUMN paused_at`);
  }
}
