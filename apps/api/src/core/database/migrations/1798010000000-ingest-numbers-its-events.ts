import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INGEST_WITH_NOTIFICATIONS, NOTIFY_CUSTOMER_MESSAGE } from './1797100000000-participants';
import { INGEST_BATCH } from './1798000000000-ingest-batch';

/**
 * The inbound fast path numbers its own events. Before, `sb_ingest_batch` inserted each event
 * without a cursor and the sequencer rewrote every one of those rows right after commit (a second,
 * non-HOT write of a row carrying the whole payload, plus a statement and a round trip per batch).
 *
 * Now each item hands its events back (`sb_ingest_item`) and the batch inserts them once, already
 * numbered, as its last statement: it takes the account's head row lock there and keeps it until
 * commit, so cursors are still gap-free and a reader can never move past an event that commits
 * later (the sequencer takes the same lock for everything else). Events other transactions
 * committed that are still waiting for the sequencer are numbered first, in the same statement. The lock is held only for that
 * insert and the commit, not for the batch's work. Accounts are locked in id order, so two lanes'
 * batches cannot deadlock. The batch returns the numbered events and the API publishes them.
 */
export class IngestNumbersItsEvents1798010000000 implements MigrationInterface {
  name = 'IngestNumbersItsEvents1798010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(NOTIFICATION_EVENTS);
    await q.query(NOTIFY_THROUGH_EVENTS);
    await q.query(APPEND_NUMBERED);
    await q.query(INGEST_ITEM);
    await q.query(INGEST_MESSAGE_UNNUMBERED);
    await q.query(INGEST_BATCH_NUMBERED);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(INGEST_BATCH);
    await q.query(INGEST_WITH_NOTIFICATIONS);
    await q.query(NOTIFY_CUSTOMER_MESSAGE);
    await q.query(`
      DROP FUNCTION sb_ingest_item(jsonb);
      DROP FUNCTION sb_append_numbered(uuid, jsonb);
      DROP FUNCTION sb_customer_message_notifications(uuid, uuid, jsonb, uuid[]);
    `);
  }
}

/** sb_notify_customer_message's notifications, with their stream events returned, not inserted. */
const NOTIFICATION_EVENTS = `
  CREATE FUNCTION sb_customer_message_notifications(
    p_account uuid, p_conv uuid, p_summary jsonb, p_except uuid[]
  )
  RETURNS jsonb LANGUAGE sql AS $$
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
    SELECT COALESCE(jsonb_agg(jsonb_build_object(
      'type', 'notification.created', 'conversationId', p_conv, 'payload', jsonb_build_object(
        'notification', jsonb_build_object(
          'id', s.id, 'operatorId', s.operator_id, 'type', 'customer_message',
          'conversationId', p_conv, 'createdAt', sb_iso(s.created_at), 'readAt', NULL),
        'conversation', p_summary))), '[]'::jsonb)
      FROM stored s
  $$;
`;

/**
 * sb_ingest_message as 1797100000000 left it (restated, as every migration states what it installs),
 * but its events are returned in order, not inserted.
 */
const INGEST_ITEM = `
    CREATE FUNCTION sb_ingest_item(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
      v_events jsonb := '[]'::jsonb;
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
      IF NOT v_created THEN
        v_events := sb_customer_message_notifications(v_account, v_conv.id, v_summary, '{}');
      ELSE
        v_events := jsonb_build_array(jsonb_build_object(
          'type', 'conversation.created', 'conversationId', v_conv.id,
          'payload', jsonb_build_object('conversation', v_summary)));
      END IF;
      v_events := v_events || jsonb_build_object(
        'type', 'message.created', 'conversationId', v_conv.id,
        'payload', jsonb_build_object('message', v_message, 'conversation', v_summary));

      RETURN jsonb_build_object('messageId', v_msg.id, 'conversationId', v_conv.id, 'created', v_created,
                                'events', v_events);
    END
    $$;
`;

/**
 * Inserts an account's events ({type, conversationId, payload, originRuleId} each, in order)
 * already numbered and returns them, after numbering the account's committed events still
 * waiting for the sequencer (whoever changed one of these conversations before committed before
 * this transaction locked it, so cursor order stays commit order). Locks those events, then the
 * head row, the sequencer's order, until the transaction ends: the caller's last write.
 * An account without a head row (none is made that way) gets null cursors: the sequencer's.
 */
const APPEND_NUMBERED = `
  CREATE FUNCTION sb_append_numbered(p_account uuid, p_events jsonb)
  RETURNS TABLE (cursor bigint, type text, conversation_id uuid, payload jsonb, created_at timestamptz)
  LANGUAGE sql AS $$
    WITH waiting AS (
      SELECT id FROM events WHERE account_id = p_account AND events.cursor IS NULL ORDER BY id FOR UPDATE
    ), mine AS (
      SELECT e.value, e.ord FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, ord)
    ), counts AS (
      SELECT (SELECT count(*) FROM waiting) AS waiting, (SELECT count(*) FROM mine) AS mine
    ), head AS (
      UPDATE account_event_heads h SET cursor = h.cursor + (SELECT waiting + mine FROM counts)
       WHERE h.account_id = p_account
      RETURNING h.cursor - (SELECT waiting + mine FROM counts) AS base
    ), earlier AS (
      UPDATE events e SET cursor = (SELECT base FROM head) + w.n
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM waiting) w
       WHERE e.id = w.id
      RETURNING e.cursor, e.type, e.conversation_id, e.payload, e.created_at
    ), stored AS (
      INSERT INTO events (account_id, cursor, type, conversation_id, payload, origin_rule_id)
      SELECT p_account, (SELECT base FROM head) + (SELECT waiting FROM counts) + m.ord,
             m.value->>'type', (m.value->>'conversationId')::uuid, m.value->'payload',
             (m.value->>'originRuleId')::uuid
        FROM mine m
      RETURNING events.cursor, events.type, events.conversation_id, events.payload, events.created_at
    )
    SELECT * FROM earlier UNION ALL SELECT * FROM stored
  $$;
`;

/** The general path's call: the same notifications, their events inserted for the sequencer. */
const NOTIFY_THROUGH_EVENTS = `
  CREATE OR REPLACE FUNCTION sb_notify_customer_message(
    p_account uuid, p_conv uuid, p_summary jsonb, p_except uuid[]
  )
  RETURNS void LANGUAGE sql AS $$
    INSERT INTO events (account_id, type, conversation_id, payload)
    SELECT p_account, e.value->>'type', p_conv, e.value->'payload'
      FROM jsonb_array_elements(sb_customer_message_notifications(p_account, p_conv, p_summary, p_except))
           WITH ORDINALITY AS e(value, ord)
     ORDER BY e.ord
  $$;
`;

/** One message on its own: its events go in unnumbered, for the sequencer (as before). */
const INGEST_MESSAGE_UNNUMBERED = `
    CREATE OR REPLACE FUNCTION sb_ingest_message(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
      v_result jsonb := sb_ingest_item(p);
    BEGIN
      INSERT INTO events (account_id, type, conversation_id, payload)
      SELECT (p->>'accountId')::uuid, e.value->>'type', (e.value->>'conversationId')::uuid, e.value->'payload'
        FROM jsonb_array_elements(v_result->'events') WITH ORDINALITY AS e(value, ord)
       ORDER BY e.ord;
      RETURN v_result - 'events';
    END
    $$;
`;

/**
 * Many webhooks' messages in one transaction, each item in its own subtransaction (a duplicate or a
 * fallback undoes that item alone). Returns {items: one {ok} or {error, code} per input, in order;
 * events: the batch's events, numbered, oldest first per account}.
 */
const INGEST_BATCH_NUMBERED = `
      CREATE OR REPLACE FUNCTION sb_ingest_batch(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_item jsonb;
        v_result jsonb;
        v_event jsonb;
        v_out jsonb[] := '{}';
        -- Appended in place (plpgsql expands arrays): a jsonb value would be copied per append.
        v_events jsonb[] := '{}';
        v_accounts uuid[] := '{}';
        v_account uuid;
        v_numbered jsonb := '[]'::jsonb;
      BEGIN
        FOR v_item IN SELECT value FROM jsonb_array_elements(p) LOOP
          BEGIN
            v_result := sb_ingest_item(v_item);
            FOR v_event IN SELECT value FROM jsonb_array_elements(v_result->'events') LOOP
              v_events := v_events || v_event;
              v_accounts := v_accounts || (v_item->>'accountId')::uuid;
            END LOOP;
            v_out := v_out || jsonb_build_object('ok', v_result - 'events');
          EXCEPTION WHEN OTHERS THEN
            v_out := v_out || jsonb_build_object('error', SQLERRM, 'code', SQLSTATE);
          END;
        END LOOP;

        -- Last, so the head row stays locked only for this and the commit; accounts in id order.
        FOR v_account IN SELECT DISTINCT a FROM unnest(v_accounts) a ORDER BY 1 LOOP
          SELECT v_numbered || COALESCE(jsonb_agg(jsonb_build_object(
                   'accountId', v_account, 'cursor', n.cursor, 'type', n.type,
                   'conversationId', n.conversation_id, 'at', sb_iso(n.created_at), 'payload', n.payload)
                   ORDER BY n.cursor) FILTER (WHERE n.cursor IS NOT NULL), '[]'::jsonb)
            INTO v_numbered
            FROM sb_append_numbered(v_account, (
              SELECT jsonb_agg(e.value ORDER BY e.ord)
                FROM unnest(v_events, v_accounts) WITH ORDINALITY AS e(value, account, ord)
               WHERE e.account = v_account)) n;
        END LOOP;
        RETURN jsonb_build_object('items', to_jsonb(v_out), 'events', v_numbered);
      END
      $$;
`;
