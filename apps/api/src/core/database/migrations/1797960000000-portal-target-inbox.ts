import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox the customer portal files New requests in, chosen by an admin. Null means the default
 * (the first email inbox, else the first API inbox); so does an inbox removed since, which the
 * portal checks on every use rather than through a foreign key (inboxes are removed softly).
 */
export class PortalTargetInbox1797960000000 implements MigrationInterface {
  name = 'PortalTargetInbox1797960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE accounts
        ADD COLUMN portal_inbox_id uuid;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts DROP COLUMN portal_inbox_id;`);
  }
}
