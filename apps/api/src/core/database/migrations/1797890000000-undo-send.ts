import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Undo send: a reply may wait in its author's Undo window (`messages.undo_until`) before it is
 * handed to the channel; each operator chooses how long (`operators.undo_send_seconds`, null: the
 * server's UNDO_SEND_DEFAULT_SECONDS). The partial index keeps the release poll on held rows only.
 */
export class UndoSend1797890000000 implements MigrationInterface {
  name = 'UndoSend1797890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN undo_until timestamptz`);
    await q.query(
      `CREATE INDEX messages_undo_until_idx ON messages (undo_until) WHERE undo_until IS NOT NULL`,
    );
    await q.query(`ALTER TABLE operators ADD COLUMN undo_send_seconds smallint`);
    await q.query(
      `ALTER TABLE operators ADD CONSTRAINT operators_undo_send_seconds_check
         CHECK (undo_send_seconds BETWEEN 0 AND 30)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE operators DROP COLUMN undo_send_seconds`);
    await q.query(`DROP INDEX messages_undo_until_idx`);
    await q.query(`ALTER TABLE messages DROP COLUMN undo_until`);
  }
}
