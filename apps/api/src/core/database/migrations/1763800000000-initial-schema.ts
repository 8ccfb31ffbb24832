import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The core schema: tenants, operators, inboxes, contacts, conversations, messages and the event log. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- The per-account event cursor head (see EventLogService). Conversation numbers come from a
      -- sequence per account (conversation_numbers_<account hex>), created with the account.
      CREATE TABLE account_event_heads (
        account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        cursor bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE operators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent')),
        timezone text NOT NULL DEFAULT 'UTC',
        locale text NOT NULL DEFAULT 'en',
        presence text NOT NULL DEFAULT 'online' CHECK (presence IN ('online', 'away')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX operators_email_key ON operators (lower(email));
      CREATE INDEX operators_account_idx ON operators (account_id);

      CREATE TABLE operator_sessions (
        token_hash bytea PRIMARY KEY,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX operator_sessions_operator_idx ON operator_sessions (operator_id);

      CREATE TABLE inboxes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('api', 'webchat', 'email', 'telegram', 'whatsapp')),
        name text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        secrets_encrypted text,
        secret_keys text[] NOT NULL DEFAULT '{}',
        reopen_policy text NOT NULL DEFAULT 'reopen' CHECK (reopen_policy IN ('reopen', 'new_conversation')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX inboxes_account_idx ON inboxes (account_id);

      CREATE TABLE inbox_members (
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        PRIMARY KEY (inbox_id, operator_id)
      );

      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text,
        email text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX contacts_email_idx ON contacts (account_id, lower(email)) WHERE email IS NOT NULL;

      -- One person, many channel handles. The contact FK is deferred so a new identity and its new
      -- contact can be written in either order inside one transaction.
      CREATE TABLE contact_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        display_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contact_identities_inbox_external_key UNIQUE (inbox_id, external_id)
      );
      CREATE INDEX contact_identities_contact_idx ON contact_identities (contact_id);

      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        number integer NOT NULL,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        identity_id uuid NOT NULL REFERENCES contact_identities(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'snoozed', 'closed')),
        snoozed_until timestamptz,
        assignee_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        snoozed_by_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        subject text,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        last_message_preview text,
        last_message_direction text CHECK (last_message_direction IN ('incoming', 'outgoing')),
        last_incoming_at timestamptz,
        unread_count integer NOT NULL DEFAULT 0,
        first_reply_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conversations_number_key UNIQUE (account_id, number),
        CONSTRAINT conversations_snooze_check CHECK ((status = 'snoozed') = (snoozed_until IS NOT NULL))
      );
      -- Keyset pagination of the feed: (status, last activity, id) newest first.
      CREATE INDEX conversations_feed_idx ON conversations (account_id, status, last_activity_at DESC, id DESC);
      CREATE INDEX conversations_assignee_feed_idx
        ON conversations (account_id, assignee_id, status, last_activity_at DESC, id DESC);
      CREATE INDEX conversations_inbox_feed_idx
        ON conversations (inbox_id, status, last_activity_at DESC, id DESC);
      -- The snooze sweeper only ever looks at snoozed rows.
      CREATE INDEX conversations_snooze_due_idx ON conversations (snoozed_until) WHERE status = 'snoozed';
      CREATE INDEX conversations_identity_idx ON conversations (identity_id, created_at DESC);
      CREATE INDEX conversations_contact_idx ON conversations (contact_id);

      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        storage_key text NOT NULL UNIQUE,
        filename text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        content_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        -- The inbox the message travelled through (may differ from the conversation's, e.g. a chat
        -- continued by email).
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        kind text NOT NULL CHECK (kind IN ('message', 'note', 'activity')),
        sender_type text NOT NULL CHECK (sender_type IN ('contact', 'operator', 'system')),
        sender_operator_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        sender_contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        text text,
        html text,
        attachments jsonb NOT NULL DEFAULT '[]',
        activity jsonb,
        external_id text,
        client_message_id uuid,
        delivery_status text CHECK (delivery_status IN ('pending', 'sent', 'delivered', 'read', 'failed')),
        failure_reason text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- The channel's own id: the same inbound message can never be stored twice.
        CONSTRAINT messages_inbox_external_key UNIQUE (inbox_id, external_id),
        -- The operator's client id: a retried send never stores a second reply.
        CONSTRAINT messages_client_message_key UNIQUE (conversation_id, client_message_id)
      );
      CREATE INDEX messages_timeline_idx ON messages (conversation_id, created_at DESC, id DESC);
      CREATE INDEX messages_account_external_idx ON messages (account_id, external_id) WHERE external_id IS NOT NULL;

      -- Events are written by the change's own transaction with no cursor; a short sequencing
      -- statement right after commit numbers them (see EventSequencerService).
      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        cursor bigint,
        type text NOT NULL,
        conversation_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_account_cursor_key UNIQUE (account_id, cursor)
      );
      CREATE INDEX events_pending_idx ON events (account_id, id) WHERE cursor IS NULL;
      CREATE INDEX events_created_idx ON events (created_at);

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        type text NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notifications_operator_unread_idx ON notifications (operator_id, created_at DESC) WHERE read_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ DECLARE s record; BEGIN
        FOR s IN SELECT sequencename FROM pg_sequences WHERE sequencename LIKE 'conversation\\_numbers\\_%' LOOP
          EXECUTE format('DROP SEQUENCE %I', s.sequencename);
        END LOOP;
      END $$;
      DROP TABLE IF EXISTS notifications, events, messages, files, conversations, contact_identities,
        contacts, inbox_members, inboxes, operator_sessions, operators, account_event_heads, accounts CASCADE;
    `);
  }
}
