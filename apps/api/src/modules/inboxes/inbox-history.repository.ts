import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';
import { EventEntity } from '../../core/events/entities/event.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { EmailAutoReplyEntity } from '../email/entities/email-auto-reply.entity';
import { EmailSeenMessageEntity } from '../email/entities/email-seen-message.entity';
import { EmailSyncLogEntryEntity } from '../email/entities/email-sync-log-entry.entity';
import { EmailSyncStateEntity } from '../email/entities/email-sync-state.entity';

/**
 * The history of a removed inbox, deleted batch by batch (see InboxHistoryPurgeWorker). Each batch
 * runs in the caller's transaction: conversations, with their messages, notes, notifications,
 * tags, SLA clocks and the rest that cascades from them, the stream events that carried their
 * content, and the files only they used, all go together or not at all.
 */
@Injectable()
export class InboxHistoryRepository {
  /** Up to `limit` conversations of the inbox, locked; another purger skips them (a retried job). */
  async lockBatch(em: EntityManager, inboxId: string, limit: number): Promise<string[]> {
    const rows = await em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.inboxId = :inboxId', { inboxId })
      .orderBy('c.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** The files attached to the messages of these conversations. */
  async attachedFileIds(em: EntityManager, conversationIds: string[]): Promise<string[]> {
    // raw SQL: jsonb_array_elements over each message's attachments, which the builder cannot join.
    const rows = await queryRows<{ id: string }>(
      em,
      `SELECT DISTINCT a.value->>'id' AS id
         FROM messages m, jsonb_array_elements(m.attachments) a
        WHERE m.conversation_id = ANY($1::uuid[])
          AND jsonb_typeof(m.attachments) = 'array'
          AND a.value->>'id' ~ '^[0-9a-f-]{36}$'`,
      [conversationIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Rewrites the stream events of these conversations into content-free `conversation.deleted`
   * events. They keep their cursors: the log stays gap-free, and a client replaying it drops the
   * conversation instead of seeing its messages again.
   */
  async redactEvents(em: EntityManager, accountId: string, conversationIds: string[]) {
    await em
      .createQueryBuilder()
      .update(EventEntity)
      .set({
        type: 'conversation.deleted',
        payload: () => `jsonb_build_object('conversationId', conversation_id)`,
      })
      .where({ accountId, conversationId: In(conversationIds) })
      .andWhere(`type <> 'conversation.deleted'`)
      .execute();
  }

  /** Deletes the conversations; their messages and everything keyed to them cascade. */
  async deleteConversations(em: EntityManager, conversationIds: string[]): Promise<number> {
    const result = await em.getRepository(ConversationEntity).delete({ id: In(conversationIds) });
    return result.affected ?? 0;
  }

  /**
   * Deletes the metadata of those files no remaining message or canned reply uses, and returns
   * their storage keys: the bytes are deleted once this commits.
   */
  async deleteUnusedFiles(em: EntityManager, accountId: string, fileIds: string[]) {
    if (fileIds.length === 0) return [];
    // raw SQL: "used elsewhere" is a jsonb containment probe (messages_attachments_idx) and an array
    // membership, in one DELETE … RETURNING.
    const rows = await queryRows<{ storage_key: string }>(
      em,
      `DELETE FROM files f
        WHERE f.account_id = $1 AND f.id = ANY($2::uuid[])
          AND NOT EXISTS (
            SELECT 1 FROM messages m
             WHERE m.attachments @> jsonb_build_array(jsonb_build_object('id', f.id::text)))
          AND NOT EXISTS (SELECT 1 FROM canned_replies c WHERE f.id = ANY(c.attachment_ids))
        RETURNING f.storage_key`,
      [accountId, fileIds],
    );
    return rows.map((r) => r.storage_key);
  }

  /** The email sync's own records of the mailbox: its position, log and the Message-IDs it took. */
  async deleteEmailRecords(em: EntityManager, inboxId: string): Promise<void> {
    for (const entity of [
      EmailSyncLogEntryEntity,
      EmailSeenMessageEntity,
      EmailAutoReplyEntity,
      EmailSyncStateEntity,
    ])
      await em.getRepository(entity).delete({ inboxId });
  }
}
