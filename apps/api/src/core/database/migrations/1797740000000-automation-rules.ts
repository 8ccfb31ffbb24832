import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automation rules, their run log and the time triggers' firings. A time trigger fires once per
 * (rule, conversation, anchor): the unique firing row is inserted in the firing transaction, so
 * instances racing each other, and restarts, never fire it twice; a new anchor (a new customer
 * message) re-arms it. `conversations.status_changed_at` is kept by a trigger, so every writer of
 * a status (the ingest function included) moves it without knowing about it: it anchors
 * `snoozed_longer` and `waiting_longer`. `messages.automated` marks automatic mail, which an
 * auto-reply never answers.
 */
export class AutomationRules1797740000000 implements MigrationInterface {
  name = 'AutomationRules1797740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE automation_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        position integer NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        trigger jsonb NOT NULL,
        conditions jsonb NOT NULL,
        actions jsonb NOT NULL,
        last_run_at timestamptz,
        time_watermark timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX automation_rules_account_position_idx ON automation_rules (account_id, position);
      CREATE INDEX automation_rules_enabled_idx ON automation_rules (account_id, position) WHERE enabled;

      CREATE TABLE automation_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        rule_id uuid NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        trigger text NOT NULL,
        outcome text NOT NULL,
        actions jsonb NOT NULL DEFAULT '[]',
        reason text,
        depth smallint NOT NULL DEFAULT '0',
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT automation_runs_outcome_check CHECK (outcome IN ('applied', 'skipped', 'failed'))
      );
      CREATE INDEX automation_runs_account_idx ON automation_runs (account_id, at, id);
      CREATE INDEX automation_runs_rule_idx ON automation_runs (rule_id, at, id);
      CREATE INDEX automation_runs_conversation_idx ON automation_runs (conversation_id, at, id);
      CREATE INDEX automation_runs_at_idx ON automation_runs (at);

      CREATE TABLE automation_time_firings (
        rule_id uuid NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        anchor timestamptz NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        fired_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT automation_time_firings_pkey PRIMARY KEY (rule_id, conversation_id, anchor)
      );
      CREATE INDEX automation_time_firings_conversation_id_idx ON automation_time_firings (conversation_id);
      CREATE INDEX automation_time_firings_fired_at_idx ON automation_time_firings (fired_at);

      ALTER TABLE messages ADD COLUMN automated boolean NOT NULL DEFAULT false;

      ALTER TABLE conversations ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now();
      UPDATE conversations SET status_changed_at = COALESCE(closed_at, updated_at) WHERE status = 'closed';
      UPDATE conversations SET status_changed_at = updated_at WHERE status <> 'closed';
      CREATE FUNCTION sb_conversation_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.status_changed_at := now();
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER conversations_status_changed_at BEFORE UPDATE OF status ON conversations
        FOR EACH ROW EXECUTE FUNCTION sb_conversation_status_changed();
      CREATE INDEX conversations_awaiting_operator_idx ON conversations (account_id, last_incoming_at)
        WHERE status = 'open' AND last_message_direction = 'incoming';
      CREATE INDEX conversations_awaiting_customer_idx ON conversations (account_id, last_activity_at)
        WHERE status = 'open' AND last_message_direction = 'outgoing';
      CREATE INDEX conversations_status_since_idx ON conversations (account_id, status, status_changed_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS conversations_status_since_idx;
      DROP INDEX IF EXISTS conversations_awaiting_customer_idx;
      DROP INDEX IF EXISTS conversations_awaiting_operator_idx;
      DROP TRIGGER IF EXISTS conversations_status_changed_at ON conversations;
      DROP FUNCTION IF EXISTS sb_conversation_status_changed();
      ALTER TABLE conversations DROP COLUMN IF EXISTS status_changed_at;
      ALTER TABLE messages DROP COLUMN IF EXISTS automated;
      DROP TABLE IF EXISTS automation_time_firings;
      DROP TABLE IF EXISTS automation_runs;
      DROP TABLE IF EXISTS automation_rules;
    `);
  }
}
