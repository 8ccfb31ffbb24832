import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who hears about a conversation: its participants (operators who replied, were mentioned in a
 * note, or chose to follow) and its assignee get a stored `customer_message` notification for each
 * new customer message. `sb_notify_customer_message` is that one INSERT ... SELECT (plus its stream
 * events); the ingest function calls it in its own round trip, the general path from TypeScript.
 * A conversation can also be assigned to a team (`assignee_team_id`), and its summary says so.
 */
export class Participants1797100000000 implements MigrationInterface {
  name = 'Participants1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversation_participants (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, operator_id)
      );
      CREATE INDEX conversation_participants_operator_id_idx ON conversation_participants (operator_id);

      ALTER TABLE conversations
        ADD COLUMN assignee_team_id uuid REFERENCES teams(id) ON DELETE SET NULL;
      CREATE INDEX conversations_assignee_team_id_idx ON conversations (assignee_team_id);
    `);
    await q.query(SUMMARY_WITH_TEAM);
    await q.query(NOTIFY_CUSTOMER_MESSAGE);
    await q.query(INGEST_WITH_NOTIFICATIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(INGEST_BEFORE);
    await q.query(SUMMARY_BEFORE);
    await q.query(`
      ALTER TABLE conversations DROP COLUMN assignee_team_id;
      DROP FUNCTION sb_notify_customer_message(uuid, uuid, jsonb, uuid[]);
      DROP TABLE conversation_participants;
    `);
  }
}

/**
 * The assignee and every participant, once each, active operators only, except those already told
 * otherwise (a snoozed conversation's wake-up notification); announced on the stream.
 */
export const NOTIFY_CUSTOMER_MESSAGE = `
  CREATE OR REPLACE FUNCTION sb_notify_customer_message(
    p_account uuid, p_conv uuid, p_summary jsonb, p_except uuid[]
  )
  RETURNS void LANGUAGE sql AS $$
    WITH recipients AS (
      SELECT c.assignee_id AS operator_id FROM conversations c
       WHERE c.id = p_conv AND c.assignee_id IS NOT NULL
      UNION
      SELECT x.operator_id FROM conversation_participants x WHERE x.conversation_id = p_conv
    ), stored AS (
      INSERT INTO notifications (account_id, operator_id, type, conversation_id)
      SELECT p_account, r.operator_id, 'customer_message', p_conv
        FROM recipients r
        JOIN operators o ON o.id = r.operator_id AND o.deactivated_at IS NULL
       WHERE r.operator_id <> ALL (p_except)
      RETURNING id, operator_id, created_at
    )
    INSERT INTO events (account_id, type, conversation_id, payload)
    SELECT p_account, 'notification.created', p_conv, jsonb_build_object(
      'notification', jsonb_build_object(
        'id', s.id, 'operatorId', s.operator_id, 'type', 'customer_message',
        'conversationId', p_conv, 'createdAt', sb_iso(s.created_at), 'readAt', NULL),
      'conversation', p_summary)
      FROM stored s
  $$;
`;

/** sb_ingest_message as of 1796200000000, plus the notification call. */
export const INGEST_WITH_NOTIFICATIONS = `
    CREATE OR REPLACE FUNCTION sb_ingest_message(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
      v_account uuid := (p->>'accountId')::uuid;
      v_inbox uuid := (p->>'inboxId')::uuid;
      v_email text := nullif(lower(trim(p->'sender'->>'email')), '');
      v_ident record;
      v_conv conversations%ROWTYPE;
      v_created boolean := false;
      v_msg record;
      v_summary jsonb;
      v_message jsonb;
    BEGIN
      -- Locks the identity row until commit: racing first messages open one conversation.
      INSERT INTO contact_identities (account_id, contact_id, inbox_id, external_id, display_name)
      VALUES (v_account, gen_random_uuid(), v_inbox, p->'sender'->>'externalId', p->'sender'->>'name')
      ON CONFLICT (inbox_id, external_id) DO UPDATE
        SET last_seen_at = now(), display_name = COALESCE(EXCLUDED.display_name, contact_identities.display_name)
      RETURNING id, contact_id, (xmax = 0) AS inserted INTO v_ident;

      IF v_ident.inserted THEN
        -- A new identity with an email may belong to a known contact: the general path merges.
        IF v_email IS NOT NULL THEN RAISE EXCEPTION 'sb_fallback'; END IF;
        INSERT INTO contacts (id, account_id, name, email, phone)
        VALUES (v_ident.contact_id, v_account, p->'sender'->>'name', NULL, p->'sender'->>'phone');
      ELSIF p->'sender'->>'name' IS NOT NULL OR v_email IS NOT NULL OR p->'sender'->>'phone' IS NOT NULL THEN
        UPDATE contacts SET name = COALESCE(name, p->'sender'->>'name'), email = COALESCE(email, v_email),
               phone = COALESCE(phone, p->'sender'->>'phone'), updated_at = now()
         WHERE id = v_ident.contact_id AND (name IS NULL OR email IS NULL OR phone IS NULL);
      END IF;

      -- A new statement, a new snapshot: sees a conversation a racing sender just committed.
      SELECT * INTO v_conv FROM conversations WHERE identity_id = v_ident.id
       ORDER BY created_at DESC LIMIT 1 FOR UPDATE;
      IF FOUND AND v_conv.status <> 'open' THEN RAISE EXCEPTION 'sb_fallback'; END IF;
      IF NOT FOUND THEN
        INSERT INTO conversations (account_id, number, inbox_id, contact_id, identity_id, subject)
        VALUES (v_account,
                nextval(format('conversation_numbers_%s', replace(v_account::text, '-', ''))::regclass),
                v_inbox, v_ident.contact_id, v_ident.id, p->>'subject')
        RETURNING * INTO v_conv;
        v_created := true;
      END IF;

      INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type, sender_contact_id,
                            text, html, attachments, external_id)
      VALUES (v_account, v_conv.id, v_inbox, 'incoming', 'message', 'contact', v_ident.contact_id,
              p->>'text', p->>'html', COALESCE(p->'attachments', '[]'::jsonb), p->>'externalId')
      ON CONFLICT (inbox_id, external_id) WHERE direction = 'incoming' DO NOTHING
      RETURNING id, created_at INTO v_msg;
      IF NOT FOUND THEN RAISE EXCEPTION 'sb_duplicate'; END IF;

      UPDATE conversations
         SET last_activity_at = now(), last_incoming_at = now(), last_message_preview = p->>'preview',
             last_message_direction = 'incoming', unread_count = unread_count + 1, updated_at = now(),
             subject = COALESCE(subject, p->>'subject')
       WHERE id = v_conv.id;

      v_summary := sb_conversation_summary(v_conv.id);
      v_message := jsonb_build_object(
        'id', v_msg.id, 'conversationId', v_conv.id, 'direction', 'incoming', 'kind', 'message',
        'sender', jsonb_build_object('type', 'contact', 'id', v_ident.contact_id, 'name', v_summary->'contact'->'name'),
        'text', p->'text', 'html', p->'html', 'attachments', COALESCE(p->'attachments', '[]'::jsonb),
        'activity', NULL, 'deliveryStatus', NULL, 'failureReason', NULL, 'channel', p->>'channel',
        'createdAt', sb_iso(v_msg.created_at));

      -- Before message.created, so a client that gets a stored notification can skip its own alert.
      IF NOT v_created THEN PERFORM sb_notify_customer_message(v_account, v_conv.id, v_summary, '{}'); END IF;

      -- Numbered right after commit by EventSequencerService, like every other event.
      IF v_created THEN
        INSERT INTO events (account_id, type, conversation_id, payload)
        VALUES (v_account, 'conversation.created', v_conv.id, jsonb_build_object('conversation', v_summary));
      END IF;
      INSERT INTO events (account_id, type, conversation_id, payload)
      VALUES (v_account, 'message.created', v_conv.id,
              jsonb_build_object('message', v_message, 'conversation', v_summary));

      RETURN jsonb_build_object('messageId', v_msg.id, 'conversationId', v_conv.id, 'created', v_created);
    END
    $$;
`;

/** sb_ingest_message as 1796200000000 left it. */
const INGEST_BEFORE = `
    CREATE OR REPLACE FUNCTION sb_ingest_message(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
      v_account uuid := (p->>'accountId')::uuid;
      v_inbox uuid := (p->>'inboxId')::uuid;
      v_email text := nullif(lower(trim(p->'sender'->>'email')), '');
      v_ident record;
      v_conv conversations%ROWTYPE;
      v_created boolean := false;
      v_msg record;
      v_summary jsonb;
      v_message jsonb;
    BEGIN
      -- Locks the identity row until commit: racing first messages open one conversation.
      INSERT INTO contact_identities (account_id, contact_id, inbox_id, external_id, display_name)
      VALUES (v_account, gen_random_uuid(), v_inbox, p->'sender'->>'externalId', p->'sender'->>'name')
      ON CONFLICT (inbox_id, external_id) DO UPDATE
        SET last_seen_at = now(), display_name = COALESCE(EXCLUDED.display_name, contact_identities.display_name)
      RETURNING id, contact_id, (xmax = 0) AS inserted INTO v_ident;

      IF v_ident.inserted THEN
        -- A new identity with an email may belong to a known contact: the general path merges.
        IF v_email IS NOT NULL THEN RAISE EXCEPTION 'sb_fallback'; END IF;
        INSERT INTO contacts (id, account_id, name, email, phone)
        VALUES (v_ident.contact_id, v_account, p->'sender'->>'name', NULL, p->'sender'->>'phone');
      ELSIF p->'sender'->>'name' IS NOT NULL OR v_email IS NOT NULL OR p->'sender'->>'phone' IS NOT NULL THEN
        UPDATE contacts SET name = COALESCE(name, p->'sender'->>'name'), email = COALESCE(email, v_email),
               phone = COALESCE(phone, p->'sender'->>'phone'), updated_at = now()
         WHERE id = v_ident.contact_id AND (name IS NULL OR email IS NULL OR phone IS NULL);
      END IF;

      -- A new statement, a new snapshot: sees a conversation a racing sender just committed.
      SELECT * INTO v_conv FROM conversations WHERE identity_id = v_ident.id
       ORDER BY created_at DESC LIMIT 1 FOR UPDATE;
      IF FOUND AND v_conv.status <> 'open' THEN RAISE EXCEPTION 'sb_fallback'; END IF;
      IF NOT FOUND THEN
        INSERT INTO conversations (account_id, number, inbox_id, contact_id, identity_id, subject)
        VALUES (v_account,
                nextval(format('conversation_numbers_%s', replace(v_account::text, '-', ''))::regclass),
                v_inbox, v_ident.contact_id, v_ident.id, p->>'subject')
        RETURNING * INTO v_conv;
        v_created := true;
      END IF;

      INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type, sender_contact_id,
                            text, html, attachments, external_id)
      VALUES (v_account, v_conv.id, v_inbox, 'incoming', 'message', 'contact', v_ident.contact_id,
              p->>'text', p->>'html', COALESCE(p->'attachments', '[]'::jsonb), p->>'externalId')
      ON CONFLICT (inbox_id, external_id) WHERE direction = 'incoming' DO NOTHING
      RETURNING id, created_at INTO v_msg;
      IF NOT FOUND THEN RAISE EXCEPTION 'sb_duplicate'; END IF;

      UPDATE conversations
         SET last_activity_at = now(), last_incoming_at = now(), last_message_preview = p->>'preview',
             last_message_direction = 'incoming', unread_count = unread_count + 1, updated_at = now(),
             subject = COALESCE(subject, p->>'subject')
       WHERE id = v_conv.id;

      v_summary := sb_conversation_summary(v_conv.id);
      v_message := jsonb_build_object(
        'id', v_msg.id, 'conversationId', v_conv.id, 'direction', 'incoming', 'kind', 'message',
        'sender', jsonb_build_object('type', 'contact', 'id', v_ident.contact_id, 'name', v_summary->'contact'->'name'),
        'text', p->'text', 'html', p->'html', 'attachments', COALESCE(p->'attachments', '[]'::jsonb),
        'activity', NULL, 'deliveryStatus', NULL, 'failureReason', NULL, 'channel', p->>'channel',
        'createdAt', sb_iso(v_msg.created_at));

      -- Numbered right after commit by EventSequencerService, like every other event.
      IF v_created THEN
        INSERT INTO events (account_id, type, conversation_id, payload)
        VALUES (v_account, 'conversation.created', v_conv.id, jsonb_build_object('conversation', v_summary));
      END IF;
      INSERT INTO events (account_id, type, conversation_id, payload)
      VALUES (v_account, 'message.created', v_conv.id,
              jsonb_build_object('message', v_message, 'conversation', v_summary));

      RETURN jsonb_build_object('messageId', v_msg.id, 'conversationId', v_conv.id, 'created', v_created);
    END
    $$;
`;

/** sb_conversation_summary as of 1796600000000, plus the assigned team. */
const SUMMARY_WITH_TEAM = `
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

/** sb_conversation_summary as 1796600000000 left it. */
const SUMMARY_BEFORE = `
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
