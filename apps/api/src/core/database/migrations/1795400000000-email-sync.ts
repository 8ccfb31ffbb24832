import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IMAP sync state of email inboxes: where each mailbox was read up to, the history import's
 * progress, a log of messages that could not be stored (shown in the inbox's settings), and the
 * Message-IDs already imported, so neither a UIDVALIDITY resync nor a deleted conversation ever
 * brings mail back twice.
 */
export class EmailSync1795400000000 implements MigrationInterface {
  name = 'EmailSync1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_sync_states (
        inbox_id uuid PRIMARY KEY REFERENCES inboxes(id) ON DELETE CASCADE,
        mailbox text NOT NULL,
        -- NULL until the first connect; a different value on the server means every UID changed.
        uidvalidity bigint,
        -- Highest UID whose message was ingested (or refused) and committed.
        last_uid bigint NOT NULL DEFAULT 0,
        -- History import: mail received since this moment is imported on first connect.
        history_since timestamptz,
        history_total integer NOT NULL DEFAULT 0,
        history_done integer NOT NULL DEFAULT 0,
        history_completed_at timestamptz,
        status text NOT NULL DEFAULT 'connecting'
          CHECK (status IN ('connecting', 'importing', 'idle', 'polling', 'error', 'waiting_for_lock')),
        last_error text,
        last_error_at timestamptz,
        last_synced_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE email_sync_log (
        id bigserial PRIMARY KEY,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        uid bigint,
        message_id text,
        action text NOT NULL CHECK (action IN ('refused', 'skipped', 'capped', 'failed')),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX email_sync_log_inbox_idx ON email_sync_log (inbox_id, id DESC);

      -- Automatic acknowledgements sent, for the per-conversation and per-recipient hourly caps.
      CREATE TABLE email_auto_replies (
        id bigserial PRIMARY KEY,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL,
        recipient text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX email_auto_replies_conversation_key ON email_auto_replies (inbox_id, conversation_id);
      CREATE INDEX email_auto_replies_recent_idx ON email_auto_replies (inbox_id, recipient, sent_at);

      -- No foreign key to conversations on purpose: the record must outlive a deleted conversation.
      CREATE TABLE email_seen_messages (
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        message_id text NOT NULL,
        conversation_id uuid,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (inbox_id, message_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE email_seen_messages; DROP TABLE email_auto_replies; DROP TABLE email_sync_log; DROP TABLE email_sync_states;',
    );
  }
}
