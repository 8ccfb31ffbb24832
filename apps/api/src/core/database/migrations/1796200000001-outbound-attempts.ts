import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exactly-once sends. Every call to a channel is an attempt row, claimed with a lease before the
 * call and finished after it (one unfinished attempt per message, enforced here). An attempt whose
 * outcome is unknown leaves its message `uncertain` until a receipt or an operator settles it.
 * The web chat's follow-up email is claimed the same way: a row in `sending` first, `sent` after.
 */
export class OutboundAttempts1796200000001 implements MigrationInterface {
  name = 'OutboundAttempts1796200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbound_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        number integer NOT NULL,
        deliberate boolean NOT NULL DEFAULT false,
        worker text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        lease_expires_at timestamptz NOT NULL,
        finished_at timestamptz,
        outcome text CONSTRAINT outbound_attempts_outcome_check
          CHECK (outcome IN ('sent', 'failed', 'retry', 'uncertain')),
        detail text,
        CONSTRAINT outbound_attempts_message_id_number_key UNIQUE (message_id, number),
        CONSTRAINT outbound_attempts_finished_check CHECK ((finished_at IS NULL) = (outcome IS NULL))
      );
      CREATE UNIQUE INDEX outbound_attempts_running_key ON outbound_attempts (message_id)
        WHERE finished_at IS NULL;

      ALTER TABLE messages DROP CONSTRAINT messages_delivery_status_check;
      ALTER TABLE messages ADD CONSTRAINT messages_delivery_status_check
        CHECK (delivery_status IN ('pending', 'sent', 'delivered', 'read', 'failed', 'uncertain'));

      ALTER TABLE webchat_follow_ups
        ADD COLUMN state text NOT NULL DEFAULT 'sent'
          CONSTRAINT webchat_follow_ups_state_check
          CHECK (state IN ('sending', 'sent', 'failed', 'uncertain')),
        ADD COLUMN failure_reason text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webchat_follow_ups DROP COLUMN state, DROP COLUMN failure_reason;
      UPDATE messages SET delivery_status = 'failed',
             failure_reason = COALESCE(failure_reason, 'Delivery uncertain')
       WHERE delivery_status = 'uncertain';
      ALTER TABLE messages DROP CONSTRAINT messages_delivery_status_check;
      ALTER TABLE messages ADD CONSTRAINT messages_delivery_status_check
        CHECK (delivery_status IN ('pending', 'sent', 'delivered', 'read', 'failed'));
      DROP TABLE outbound_attempts;
    `);
  }
}
