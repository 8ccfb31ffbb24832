import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web chat state that is not part of the conversation stream: where to email a visitor who left,
 * which visitors have a widget open right now (shared by every API instance), and the per-IP
 * count of new conversations for rate limiting.
 */
export class Webchat1795300000000 implements MigrationInterface {
  name = 'Webchat1795300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- visitor_key is the contact identity's external id on the inbox: visitor:<id> or user:<id>.
      CREATE TABLE webchat_visitors (
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        visitor_key text NOT NULL,
        email text,
        page_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (inbox_id, visitor_key)
      );

      -- One row per open widget socket, refreshed by a heartbeat; rows of a crashed instance age out.
      CREATE TABLE webchat_presence (
        socket_id text PRIMARY KEY,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        visitor_key text NOT NULL,
        instance_id text NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webchat_presence_visitor_idx ON webchat_presence (inbox_id, visitor_key, last_seen_at);

      CREATE TABLE webchat_conversation_starts (
        id bigserial PRIMARY KEY,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        ip inet NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webchat_conversation_starts_ip_idx ON webchat_conversation_starts (ip, created_at);

      -- One follow-up email per operator message: a redelivered delivery job never emails twice.
      CREATE TABLE webchat_follow_ups (
        message_key text PRIMARY KEY,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        sent_to text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE IF EXISTS webchat_follow_ups, webchat_conversation_starts, webchat_presence, webchat_visitors',
    );
  }
}
