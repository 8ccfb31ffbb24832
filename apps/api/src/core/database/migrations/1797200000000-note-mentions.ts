import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The colleagues @mentioned in an internal note, with their names, so the timeline can show them. */
export class NoteMentions1797200000000 implements MigrationInterface {
  name = 'NoteMentions1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN mentions jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE messages DROP COLUMN IF EXISTS mentions');
  }
}
