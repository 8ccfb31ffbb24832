import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time tracking: `time_entries` (tracked segments grown by the SPA's heartbeats, and corrections
 * with their reason) and an optional hourly rate per inbox with its currency, for the cost of the
 * work in the time report.
 */
export class TimeTracking1797780000000 implements MigrationInterface {
  name = 'TimeTracking1797780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE time_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        source text NOT NULL,
        started_at timestamptz NOT NULL,
        last_beat_at timestamptz NOT NULL,
        seconds integer NOT NULL DEFAULT 0,
        reason text,
        created_by_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        CONSTRAINT time_entries_source_check CHECK (source IN ('tracked', 'manual')),
        CONSTRAINT time_entries_reason_check CHECK (source = 'tracked' OR reason IS NOT NULL),
        CONSTRAINT time_entries_seconds_check CHECK (source = 'manual' OR seconds >= 0)
      );
      CREATE INDEX time_entries_segment_idx ON time_entries (operator_id, conversation_id, last_beat_at);
      CREATE INDEX time_entries_conversation_idx ON time_entries (conversation_id, started_at);
      CREATE INDEX time_entries_account_started_idx ON time_entries (account_id, started_at);

      ALTER TABLE inboxes ADD COLUMN hourly_rate numeric(12,2);
      ALTER TABLE inboxes ADD COLUMN hourly_rate_currency text;
      ALTER TABLE inboxes ADD CONSTRAINT inboxes_hourly_rate_check
        CHECK (hourly_rate >= 0 AND (hourly_rate IS NULL) = (hourly_rate_currency IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE inboxes DROP CONSTRAINT IF EXISTS inboxes_hourly_rate_check;
      ALTER TABLE inboxes DROP COLUMN IF EXISTS hourly_rate_currency;
      ALTER TABLE inboxes DROP COLUMN IF EXISTS hourly_rate;
      DROP TABLE IF EXISTS time_entries;
    `);
  }
}
