import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../../core/database/sql-rows';

export type EmailSyncStatus =
  'connecting' | 'importing' | 'idle' | 'polling' | 'error' | 'waiting_for_lock';
export type EmailSyncLogAction = 'refused' | 'skipped' | 'capped' | 'failed';

export interface EmailSyncStateRow {
  inbox_id: string;
  mailbox: string;
  uidvalidity: string | null;
  last_uid: string;
  history_since: Date | null;
  history_total: number;
  history_done: number;
  history_completed_at: Date | null;
  status: EmailSyncStatus;
  last_error: string | null;
  last_error_at: Date | null;
  last_synced_at: Date | null;
}

export interface EmailSyncLogRow {
  id: string;
  uid: string | null;
  message_id: string | null;
  action: EmailSyncLogAction;
  reason: string;
  created_at: Date;
}

/** The email sync's own tables (migration 1795400000000-email-sync). */
@Injectable()
export class EmailSyncStateRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async load(inboxId: string, mailbox: string): Promise<EmailSyncStateRow> {
    await this.ds.query(
      `INSERT INTO email_sync_states (inbox_id, mailbox) VALUES ($1, $2) ON CONFLICT (inbox_id) DO NOTHING`,
      [inboxId, mailbox],
    );
    const row = await queryOne<EmailSyncStateRow>(
      this.ds.manager,
      'SELECT * FROM email_sync_states WHERE inbox_id = $1',
      [inboxId],
    );
    if (!row) throw new Error(`email sync state for ${inboxId} vanished`);
    // Another mailbox is another UID space: start over (seen Message-IDs still prevent duplicates).
    if (row.mailbox !== mailbox) {
      await this.ds.query(
        `UPDATE email_sync_states SET mailbox = $2, uidvalidity = NULL, last_uid = 0, updated_at = now() WHERE inbox_id = $1`,
        [inboxId, mailbox],
      );
      return { ...row, mailbox, uidvalidity: null, last_uid: '0' };
    }
    return row;
  }

  find(inboxId: string): Promise<EmailSyncStateRow | null> {
    return queryOne<EmailSyncStateRow>(
      this.ds.manager,
      'SELECT * FROM email_sync_states WHERE inbox_id = $1',
      [inboxId],
    );
  }

  /** A new UID space: forget the old UIDs, keep the history window. */
  async resetUidSpace(inboxId: string, uidValidity: bigint, historySince: Date): Promise<void> {
    await this.ds.query(
      `UPDATE email_sync_states
          SET uidvalidity = $2, last_uid = 0, history_since = COALESCE(history_since, $3), updated_at = now()
        WHERE inbox_id = $1`,
      [inboxId, uidValidity.toString(), historySince],
    );
  }

  /** First connect without history import: start after the newest message. */
  async startAt(inboxId: string, uidValidity: bigint, lastUid: number): Promise<void> {
    await this.ds.query(
      `UPDATE email_sync_states SET uidvalidity = $2, last_uid = $3, history_since = now(), history_completed_at = now(),
              updated_at = now() WHERE inbox_id = $1`,
      [inboxId, uidValidity.toString(), lastUid],
    );
  }

  /** Called only after the message's ingest committed: a crash before this re-fetches, never skips. */
  async advance(inboxId: string, uid: number, importing: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE email_sync_states
          SET last_uid = GREATEST(last_uid, $2), last_synced_at = now(), updated_at = now(),
              history_done = CASE WHEN $3 THEN history_done + 1 ELSE history_done END
        WHERE inbox_id = $1`,
      [inboxId, uid, importing],
    );
  }

  async startImport(inboxId: string, total: number): Promise<void> {
    await this.ds.query(
      `UPDATE email_sync_states SET status = 'importing', history_total = history_done + $2, updated_at = now()
        WHERE inbox_id = $1`,
      [inboxId, total],
    );
  }

  async finishImport(inboxId: string): Promise<void> {
    await this.ds.query(
      `UPDATE email_sync_states SET history_completed_at = COALESCE(history_completed_at, now()), updated_at = now()
        WHERE inbox_id = $1`,
      [inboxId],
    );
  }

  async setStatus(inboxId: string, status: EmailSyncStatus, error?: string): Promise<void> {
    await this.ds.query(
      `UPDATE email_sync_states
          SET status = $2, updated_at = now(),
              last_error = CASE WHEN $3::text IS NULL THEN last_error ELSE $3 END,
              last_error_at = CASE WHEN $3::text IS NULL THEN last_error_at ELSE now() END
        WHERE inbox_id = $1`,
      [inboxId, status, error ?? null],
    );
  }

  async log(
    inboxId: string,
    entry: { uid?: number; messageId?: string | null; action: EmailSyncLogAction; reason: string },
  ) {
    await this.ds.query(
      `INSERT INTO email_sync_log (inbox_id, uid, message_id, action, reason) VALUES ($1, $2, $3, $4, $5)`,
      [
        inboxId,
        entry.uid ?? null,
        entry.messageId ?? null,
        entry.action,
        entry.reason.slice(0, 2000),
      ],
    );
  }

  recentLog(inboxId: string, limit = 50): Promise<EmailSyncLogRow[]> {
    return queryRows<EmailSyncLogRow>(
      this.ds.manager,
      'SELECT id, uid, message_id, action, reason, created_at FROM email_sync_log WHERE inbox_id = $1 ORDER BY id DESC LIMIT $2',
      [inboxId, limit],
    );
  }

  async wasSeen(inboxId: string, messageId: string): Promise<boolean> {
    const row = await queryOne<{ found: number }>(
      this.ds.manager,
      'SELECT 1 AS found FROM email_seen_messages WHERE inbox_id = $1 AND message_id = $2',
      [inboxId, messageId],
    );
    return row !== null;
  }

  async markSeen(inboxId: string, messageId: string, conversationId: string | null): Promise<void> {
    await this.ds.query(
      `INSERT INTO email_seen_messages (inbox_id, message_id, conversation_id) VALUES ($1, $2, $3)
       ON CONFLICT (inbox_id, message_id) DO NOTHING`,
      [inboxId, messageId, conversationId],
    );
  }
}
