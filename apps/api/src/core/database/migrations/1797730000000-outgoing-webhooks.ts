import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks: integrators' subscriptions (secret sealed, not hashed: we sign with it), the
 * delivery log with each delivery's attempt state, and the account's secret for rule calls.
 */
export class OutgoingWebhooks1797730000000 implements MigrationInterface {
  name = 'OutgoingWebhooks1797730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        url text NOT NULL,
        description text NOT NULL DEFAULT '',
        event_types text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        include_notes boolean NOT NULL DEFAULT false,
        secret_sealed text NOT NULL,
        disabled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_subscriptions_account_idx ON webhook_subscriptions (account_id, created_at);

      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        subscription_id uuid REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        rule_id uuid,
        rule_name text,
        url text NOT NULL,
        event_type text NOT NULL,
        event_cursor bigint,
        body jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        last_duration_ms integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_status_check
          CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        CONSTRAINT webhook_deliveries_source_check
          CHECK ((subscription_id IS NULL) = (rule_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX webhook_deliveries_event_key ON webhook_deliveries
        (subscription_id, event_cursor) WHERE event_cursor IS NOT NULL;
      CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries
        (subscription_id, created_at DESC, id DESC);
      CREATE INDEX webhook_deliveries_rule_log_idx ON webhook_deliveries
        (account_id, created_at DESC, id DESC) WHERE subscription_id IS NULL;
      CREATE INDEX webhook_deliveries_created_idx ON webhook_deliveries (created_at);

      CREATE TABLE rule_webhook_secrets (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        secret_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rule_webhook_secrets_pkey PRIMARY KEY (account_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS rule_webhook_secrets;
      DROP TABLE IF EXISTS webhook_deliveries;
      DROP TABLE IF EXISTS webhook_subscriptions;
    `);
  }
}
