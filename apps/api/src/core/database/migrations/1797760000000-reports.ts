import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports: the account's timezone, and the facts and rollups the durable event consumer `reports`
 * keeps as events commit (see docs/architecture.md, "Reports (API)"). Facts name conversations
 * without a foreign key on purpose: a deleted conversation was still handled, and a merge
 * re-points them to the survivor. Every read is by (account, local day), or the GiST span index
 * for the backlog at the start of a period.
 */
export class Reports1797760000000 implements MigrationInterface {
  name = 'Reports1797760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;
      ALTER TABLE accounts ADD COLUMN timezone text NOT NULL DEFAULT 'UTC';

      CREATE TABLE report_conversation_states (
        conversation_id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        cycle_id uuid,
        cycle_seq integer NOT NULL DEFAULT 0,
        awaiting_since timestamptz,
        replied boolean NOT NULL DEFAULT false
      );

      CREATE TABLE report_cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL,
        seq integer NOT NULL,
        inbox_id uuid NOT NULL,
        channel text NOT NULL,
        team_id uuid,
        operator_id uuid,
        started_at timestamptz NOT NULL,
        started_day date NOT NULL,
        closed_at timestamptz,
        closed_day date,
        merged boolean NOT NULL DEFAULT false,
        seconds double precision,
        business_seconds double precision
      );
      CREATE INDEX report_cycles_started_idx ON report_cycles (account_id, started_day);
      CREATE INDEX report_cycles_closed_idx ON report_cycles (account_id, closed_day)
        WHERE closed_day IS NOT NULL;
      CREATE INDEX report_cycles_conversation_idx ON report_cycles (conversation_id);
      CREATE INDEX report_cycles_span_idx ON report_cycles
        USING gist (account_id, tstzrange(started_at, closed_at, '(]'));

      CREATE TABLE report_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL,
        kind text NOT NULL,
        day date NOT NULL,
        inbox_id uuid NOT NULL,
        channel text NOT NULL,
        team_id uuid,
        operator_id uuid,
        asked_at timestamptz NOT NULL,
        answered_at timestamptz NOT NULL,
        seconds double precision NOT NULL,
        business_seconds double precision NOT NULL,
        CONSTRAINT report_responses_kind_check CHECK (kind IN ('first', 'next'))
      );
      CREATE INDEX report_responses_day_idx ON report_responses (account_id, day);
      CREATE INDEX report_responses_conversation_idx ON report_responses (conversation_id);

      CREATE TABLE report_daily (
        conversation_id uuid NOT NULL,
        day date NOT NULL,
        dim_key text NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        inbox_id uuid NOT NULL,
        channel text NOT NULL,
        team_id uuid,
        operator_id uuid,
        new_count integer NOT NULL DEFAULT 0,
        closed_count integer NOT NULL DEFAULT 0,
        reopened_count integer NOT NULL DEFAULT 0,
        replies integer NOT NULL DEFAULT 0,
        sla_met integer NOT NULL DEFAULT 0,
        sla_breached integer NOT NULL DEFAULT 0,
        csat_count integer NOT NULL DEFAULT 0,
        csat_sum integer NOT NULL DEFAULT 0,
        csat_satisfied integer NOT NULL DEFAULT 0,
        nps_count integer NOT NULL DEFAULT 0,
        nps_promoters integer NOT NULL DEFAULT 0,
        nps_detractors integer NOT NULL DEFAULT 0,
        CONSTRAINT report_daily_pkey PRIMARY KEY (conversation_id, day, dim_key)
      );
      CREATE INDEX report_daily_day_idx ON report_daily (account_id, day);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE report_daily;
      DROP TABLE report_responses;
      DROP TABLE report_cycles;
      DROP TABLE report_conversation_states;
      ALTER TABLE accounts DROP COLUMN timezone;
    `);
  }
}
