import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EmailSeenMessageEntity } from './entities/email-seen-message.entity';

/** A Message-ID an inbox already imported, with the fingerprint of the mail it was on. */
export interface SeenMessage {
  /** Null: seen before fingerprints were kept. */
  fingerprint: string | null;
}

/**
 * Message-IDs an inbox already imported (`email_seen_messages`): the same mail is never imported
 * twice, even after its conversation was deleted or the mailbox re-synced.
 */
@Injectable()
export class EmailSeenMessagesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  find(inboxId: string, messageId: string): Promise<SeenMessage | null> {
    return this.ds
      .getRepository(EmailSeenMessageEntity)
      .findOne({ select: { fingerprint: true }, where: { inboxId, messageId } });
  }

  async markSeen(
    inboxId: string,
    messageId: string,
    conversationId: string | null,
    fingerprint: string,
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(EmailSeenMessageEntity, ['inboxId', 'messageId', 'conversationId', 'fingerprint'])
      .values({ inboxId, messageId, conversationId, fingerprint })
      // No column to overwrite: ON CONFLICT (inbox_id, message_id) DO NOTHING.
      .orUpdate([], ['inbox_id', 'message_id'])
      .updateEntity(false)
      .execute();
  }
}
