import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable consumers of the event log (automation rules, outgoing webhooks): each keeps a cursor per
 * account, moved in the transaction that acted on the events, so every event is handled once across
 * instances and restarts. `events.origin_rule_id` names the automation rule whose action caused an
 * event, so a rule never re-triggers itself.
 */
export class DurableEventConsumers1797700000000 implements MigrationInterface {
  name = 'DurableEventConsumers1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_consumers (
        name text PRIMARY KEY,
        started_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE event_consumer_cursors (
        consumer text NOT NULL REFERENCES event_consumers(name) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        cursor bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_consumer_cursors_pkey PRIMARY KEY (consumer, account_id)
      );
      ALTER TABLE events ADD COLUMN origin_rule_id uuid;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE events DROP COLUMN origin_rule_id;
      DROP TABLE event_consumer_cursors;
      DROP TABLE event_consumers;
    `);
  }
}
