import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EmailSeenMessageEntity } from './entities/email-seen-message.entity';

/** Message-IDs an inbox already imported (`email_seen_messages`): never imported twice. */
@Injectable()
export class EmailSeenMessagesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  wasSeen(inboxId: string, messageId: string): Promise<boolean> {
    return this.ds.getRepository(EmailSeenMessageEntity).existsBy({ inboxId, messageId });
  }

  async markSeen(inboxId: string, messageId: string, conversationId: string | null): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(EmailSeenMessageEntity, ['inboxId', 'messageId', 'conversationId'])
      .values({ inboxId, messageId, conversationId })
      // No column to overwrite: ON CONFLICT (inbox_id, message_id) DO NOTHING.
      .orUpdate([], ['inbox_id', 'message_id'])
      .updateEntity(false)
      .execute();
  }
}
