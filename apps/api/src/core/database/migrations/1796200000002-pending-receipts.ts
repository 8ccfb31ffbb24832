import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts that overtake the recording of their message's channel id are kept here, keyed by the
 * inbox they arrived on, and applied when the id is recorded (or dropped when they expire).
 */
export class PendingReceipts1796200000002 implements MigrationInterface {
  name = 'PendingReceipts1796200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pending_receipts (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        status text NOT NULL CONSTRAINT pending_receipts_status_check
          CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
        reason text,
        received_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (inbox_id, external_id, status)
      );
      CREATE INDEX pending_receipts_expiry_idx ON pending_receipts (inbox_id, expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS pending_receipts');
  }
}
