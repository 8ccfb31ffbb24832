import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Web chat messages keep the page the visitor wrote from (and its referrer) for the operator. */
export class MessageSourcePage1797870000000 implements MigrationInterface {
  name = 'MessageSourcePage1797870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN source_page jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN source_page`);
  }
}
