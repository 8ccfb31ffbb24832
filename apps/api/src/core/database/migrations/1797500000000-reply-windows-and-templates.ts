import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channels with a reply window (WhatsApp: free text only within 24 hours of the customer's last
 * message): the inbox's window, when the conversation's closes (in the feed row), the approved
 * template an outgoing message was sent as, and contacts found by phone number.
 */
export class ReplyWindowsAndTemplates1797500000000 implements MigrationInterface {
  name = 'ReplyWindowsAndTemplates1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inboxes ADD COLUMN reply_window_hours integer`);
    await q.query(`ALTER TABLE messages ADD COLUMN template jsonb`);
    await q.query(
      `CREATE INDEX contacts_account_phone_idx ON contacts (account_id, phone) WHERE phone IS NOT NULL`,
    );
    await q.query(SUMMARY_WITH_REPLY_WINDOW);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(SUMMARY_BEFORE);
    await q.query('DROP INDEX contacts_account_phone_idx');
    await q.query('ALTER TABLE messages DROP COLUMN template');
    await q.query('ALTER TABLE inboxes DROP COLUMN reply_window_hours');
  }
}

/** sb_conversation_summary as of 1797400000000, with when the reply window closes. */
const SUMMARY_WITH_REPLY_WINDOW = `
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
      'unreachableReason', ci.unreachable_reason,
      'replyWindowClosesAt', sb_iso(c.last_incoming_at + make_interval(hours => i.reply_window_hours)))
      FROM conversations c
      JOIN inboxes i ON i.id = c.inbox_id
      JOIN contacts ct ON ct.id = c.contact_id
      JOIN contact_identities ci ON ci.id = c.identity_id
     WHERE c.id = conv
  $$;
`;

/** sb_conversation_summary as 1797400000000 left it. */
const SUMMARY_BEFORE = `
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
