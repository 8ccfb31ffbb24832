import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An operator's language is null until they choose one: the inbox then follows the browser. The
 * old default 'en' was never a choice (the profile offered nothing else), so it becomes null too.
 */
export class OperatorLocaleFollowsBrowser1797910000000 implements MigrationInterface {
  name = 'OperatorLocaleFollowsBrowser1797910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE operators ALTER COLUMN locale DROP NOT NULL`);
    await q.query(`ALTER TABLE operators ALTER COLUMN locale DROP DEFAULT`);
    await q.query(`UPDATE operators SET locale = NULL WHERE locale = 'en'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE operators SET locale = 'en' WHERE locale IS NULL`);
    await q.query(`ALTER TABLE operators ALTER COLUMN locale SET DEFAULT 'en'`);
    await q.query(`ALTER TABLE operators ALTER COLUMN locale SET NOT NULL`);
  }
}
