import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The summary every client reads, as 1795500000000-ingest-function.ts defined it, plus `tags`. */
const SUMMARY_WITH_TAGS = `
  CREATE OR REPLACE FUNCTION sb_conversation_summary(conv uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
      'id', c.id, 'number', c.number, 'inboxId', c.inbox_id, 'channel', i.kind, 'status', c.status,
      'snoozedUntil', sb_iso(c.snoozed_until), 'assigneeId', c.assignee_id, 'subject', c.subject,
      'contact', jsonb_build_object('id', ct.id, 'name', ct.name,
                                    'handle', COALESCE(ct.email, ct.phone, ci.display_name, ci.external_id)),
      'lastActivityAt', sb_iso(c.last_activity_at), 'lastMessagePreview', c.last_message_preview,
      'lastMessageDirection', c.last_message_direction, 'unreadCount', c.unread_count,
      'createdAt', sb_iso(c.created_at),
      'tags', sb_conversation_tags(c.id))
      FROM conversations c
      JOIN inboxes i ON i.id = c.inbox_id
      JOIN contacts ct ON ct.id = c.contact_id
      JOIN contact_identities ci ON ci.id = c.identity_id
     WHERE c.id = conv
  $$;
`;

const SUMMARY_WITHOUT_TAGS = `
  CREATE OR REPLACE FUNCTION sb_conversation_summary(conv uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
      'id', c.id, 'number', c.number, 'inboxId', c.inbox_id, 'channel', i.kind, 'status', c.status,
      'snoozedUntil', sb_iso(c.snoozed_until), 'assigneeId', c.assignee_id, 'subject', c.subject,
      'contact', jsonb_build_object('id', ct.id, 'name', ct.name,
                                    'handle', COALESCE(ct.email, ct.phone, ci.display_name, ci.external_id)),
      'lastActivityAt', sb_iso(c.last_activity_at), 'lastMessagePreview', c.last_message_preview,
      'lastMessageDirection', c.last_message_direction, 'unreadCount', c.unread_count,
      'createdAt', sb_iso(c.created_at))
      FROM conversations c
      JOIN inboxes i ON i.id = c.inbox_id
      JOIN contacts ct ON ct.id = c.contact_id
      JOIN contact_identities ci ON ci.id = c.identity_id
     WHERE c.id = conv
  $$;
`;

/**
 * Account-wide tags and the conversations that carry them. Names are compared by `name_key`
 * (NFC, lower case, computed by the server: PostgreSQL's lower() follows the database locale).
 * The ingest function's summary gains the conversation's tags, as ConversationsRepository's does.
 */
export class Tags1796600000000 implements MigrationInterface {
  name = 'Tags1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        name_key text NOT NULL,
        color text NOT NULL DEFAULT 'gray',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, name_key)
      );

      CREATE TABLE conversation_tags (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, tag_id)
      );
      CREATE INDEX conversation_tags_tag_id_idx ON conversation_tags (tag_id);

      CREATE FUNCTION sb_conversation_tags(conv uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT COALESCE(jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name, 'color', t.color)
                                  ORDER BY t.name_key, t.id), '[]'::jsonb)
          FROM conversation_tags x
          JOIN tags t ON t.id = x.tag_id
         WHERE x.conversation_id = conv
      $$;
    `);
    await q.query(SUMMARY_WITH_TAGS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(SUMMARY_WITHOUT_TAGS);
    await q.query(`
      DROP FUNCTION IF EXISTS sb_conversation_tags(uuid);
      DROP TABLE IF EXISTS conversation_tags;
      DROP TABLE IF EXISTS tags;
    `);
  }
}
