import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What chat channels such as Telegram need: edits and replies on messages, albums (several
 * provider ids, one message), files fetched after the message is stored, the customer's handle,
 * language and reachability, an inbox's connection error and removal, and a polling position.
 */
export class TelegramChannel1797400000000 implements MigrationInterface {
  name = 'TelegramChannel1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contact_identities
        ADD COLUMN username text,
        ADD COLUMN language text,
        ADD COLUMN unreachable_reason text,
        ADD COLUMN unreachable_since timestamptz`);
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN edited_at timestamptz,
        ADD COLUMN reply_to_message_id uuid
          CONSTRAINT messages_reply_to_message_id_fkey REFERENCES messages(id) ON DELETE SET NULL`);
    await q.query(`
      ALTER TABLE inboxes
        ADD COLUMN connection_error text,
        ADD COLUMN connection_error_at timestamptz,
        ADD COLUMN removed_at timestamptz`);
    await q.query(`
      CREATE TABLE message_external_aliases (
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        CONSTRAINT message_external_aliases_pkey PRIMARY KEY (inbox_id, external_id)
      )`);
    await q.query(
      `CREATE INDEX message_external_aliases_message_idx ON message_external_aliases (message_id)`,
    );
    await q.query(`
      CREATE TABLE attachment_fetches (
        id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT attachment_fetches_pkey PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        attachment_id uuid NOT NULL,
        remote_ref text NOT NULL,
        unique_id text NOT NULL,
        state text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attachment_fetches_state_check CHECK (state IN ('pending', 'done', 'failed')),
        CONSTRAINT attachment_fetches_message_file_key UNIQUE (message_id, unique_id)
      )`);
    await q.query(
      `CREATE INDEX attachment_fetches_pending_idx ON attachment_fetches (created_at) WHERE state = 'pending'`,
    );
    await q.query(`
      CREATE TABLE channel_poll_cursors (
        inbox_id uuid NOT NULL CONSTRAINT channel_poll_cursors_pkey PRIMARY KEY
          REFERENCES inboxes(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(SUMMARY_WITH_REACHABILITY);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(SUMMARY_BEFORE);
    await q.query('DROP TABLE IF EXISTS channel_poll_cursors');
    await q.query('DROP TABLE IF EXISTS attachment_fetches');
    await q.query('DROP TABLE IF EXISTS message_external_aliases');
    await q.query(`ALTER TABLE inboxes DROP COLUMN connection_error, DROP COLUMN connection_error_at,
                     DROP COLUMN removed_at`);
    await q.query('ALTER TABLE messages DROP COLUMN edited_at, DROP COLUMN reply_to_message_id');
    await q.query(`ALTER TABLE contact_identities DROP COLUMN username, DROP COLUMN language,
                     DROP COLUMN unreachable_reason, DROP COLUMN unreachable_since`);
  }
}

/** sb_conversation_summary as of 1797100000000, with the @username handle and reachability. */
const SUMMARY_WITH_REACHABILITY = `
  CREATE OR REPLACE FUNCTION sb_conversation_summary(conv uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
      'id', c.id, 'number', c.number, 'inboxId', c.inbox_id, 'channel', i.kind, 'status', c.status,
      'snoozedUntil', sb_iso(c.snoozed_until), 'assigneeId', c.assignee_id,
      'assigneeTeamId', c.assignee_team_id, 'subject', c.subject,
      'contact', jsonb_build_object('id', ct.id, 'name', ct.name,
                                    'handle', COALESCE(ct.email, ct.phone, '@' || ci.username,
                                                       ci.display_name, ci.external_id)),
      'lastActivityAt', sb_iso(c.last_activity_at), 'lastMessagePreview', c.last_message_preview,
      'lastMessageDirection', c.last_message_direction, 'unreadCount', c.unread_count,
      'createdAt', sb_iso(c.created_at),
      'tags', sb_conversation_tags(c.id),
      'unreachableReason', ci.unreachable_reason)
      FROM conversations c
      JOIN inboxes i ON i.id = c.inbox_id
      JOIN contacts ct ON ct.id = c.contact_id
      JOIN contact_identities ci ON ci.id = c.identity_id
     WHERE c.id = conv
  $$;
`;

/** sb_conversation_summary as 1797100000000 left it. */
const SUMMARY_BEFORE = `
  CREATE OR REPLACE FUNCTION sb_conversation_summary(conv uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
      'id', c.id, 'number', c.number, 'inboxId', c.inbox_id, 'channel', i.kind, 'status', c.status,
      'snoozedUntil', sb_iso(c.snoozed_until), 'assigneeId', c.assignee_id,
      'assigneeTeamId', c.assignee_team_id, 'subject', c.subject,
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
