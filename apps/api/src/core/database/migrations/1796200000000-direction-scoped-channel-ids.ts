import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel ids get one unique key per direction instead of one for both. An id a provider answered
 * for one of our sends no longer stops an inbound message with the same id from being stored (it
 * was dropped as a "duplicate"), and a provider that answers two sends with one id is refused on
 * the second send instead of the worker retrying it. `sb_ingest_message` names the incoming key.
 * Threading by References still matches both directions (it reads the column, not the key).
 */
export class DirectionScopedChannelIds1796200000000 implements MigrationInterface {
  name = 'DirectionScopedChannelIds1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNIQUE INDEX messages_incoming_external_key ON messages (inbox_id, external_id)
        WHERE direction = 'incoming';
      CREATE UNIQUE INDEX messages_outgoing_external_key ON messages (inbox_id, external_id)
        WHERE direction = 'outgoing';
      ALTER TABLE messages DROP CONSTRAINT messages_inbox_external_key;

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
    `);
  }

  /** Fails if an inbound and an outbound message of one inbox now share an id: they may, after this. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages
        ADD CONSTRAINT messages_inbox_external_key UNIQUE (inbox_id, external_id);
      DROP INDEX messages_incoming_external_key;
      DROP INDEX messages_outgoing_external_key;

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
        ON CONFLICT (inbox_id, external_id) DO NOTHING
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
    `);
  }
}
