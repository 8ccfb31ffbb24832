import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeSubject } from '@switchboard/channels-email';
import type { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../../core/database/sql-rows';

/** How long a subject keeps a thread open for replies whose client dropped every header. */
export const SUBJECT_THREAD_WINDOW_HOURS = 14 * 24;

/**
 * The email-specific lookups around the core's threading: which conversation the references
 * already point to, the subject + sender fallback, and the per-conversation hourly count.
 */
@Injectable()
export class EmailThreadingQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The conversation of the newest stored message (inbound or ours) named in References. */
  async byReferences(accountId: string, references: string[]): Promise<string | null> {
    if (references.length === 0) return null;
    const row = await queryOne<{ conversation_id: string }>(
      this.ds.manager,
      `SELECT conversation_id FROM messages WHERE account_id = $1 AND external_id = ANY($2::text[])
        ORDER BY created_at DESC LIMIT 1`,
      [accountId, references.slice(-50)],
    );
    return row?.conversation_id ?? null;
  }

  /**
   * Same sender on this inbox, same subject (ignoring Re:/Fwd: and our token), active within the
   * window. A different subject never matches: a new topic is a new conversation.
   */
  async bySubjectAndSender(
    inboxId: string,
    senderExternalId: string,
    subject: string | null | undefined,
  ): Promise<string | null> {
    const wanted = normalizeSubject(subject);
    if (!wanted) return null;
    const rows = await queryRows<{ id: string; subject: string | null }>(
      this.ds.manager,
      `SELECT c.id, c.subject FROM conversations c
         JOIN contact_identities ci ON ci.id = c.identity_id
        WHERE c.inbox_id = $1 AND ci.inbox_id = $1 AND ci.external_id = $2
          AND c.last_activity_at > now() - make_interval(hours => $3)
        ORDER BY c.last_activity_at DESC LIMIT 50`,
      [inboxId, senderExternalId, SUBJECT_THREAD_WINDOW_HOURS],
    );
    return rows.find((r) => normalizeSubject(r.subject) === wanted)?.id ?? null;
  }

  async incomingInLastHour(conversationId: string): Promise<number> {
    const row = await queryOne<{ n: number }>(
      this.ds.manager,
      `SELECT count(*)::int AS n FROM messages
        WHERE conversation_id = $1 AND direction = 'incoming' AND created_at > now() - interval '1 hour'`,
      [conversationId],
    );
    return row?.n ?? 0;
  }
}
