import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Limits on the public widget, shared by every API instance: usage counters per fixed window
 * (messages per minute, uploads and bytes per day, confirmation mails), each widget socket's
 * network for the per-network socket limit, and upload claims so a retried upload stores no file.
 */
export class WidgetLimits1796100000000 implements MigrationInterface {
  name = 'WidgetLimits1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webchat_usage_counters (
        kind text NOT NULL,
        subject text NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL DEFAULT 0,
        bytes bigint NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (kind, subject, window_start)
      );
      CREATE INDEX webchat_usage_counters_expires_idx ON webchat_usage_counters (expires_at);

      ALTER TABLE webchat_presence ADD COLUMN network text;
      CREATE INDEX webchat_presence_network_idx ON webchat_presence (network, last_seen_at);

      CREATE TABLE webchat_upload_claims (
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        visitor_key text NOT NULL,
        client_message_id uuid NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (inbox_id, visitor_key, client_message_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS webchat_upload_claims, webchat_usage_counters;
      DROP INDEX IF EXISTS webchat_presence_network_idx;
      ALTER TABLE webchat_presence DROP COLUMN IF EXISTS network;
    `);
  }
}
