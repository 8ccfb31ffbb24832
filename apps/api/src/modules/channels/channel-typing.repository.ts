import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelKind } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';

export interface TypingTarget {
  inbox_id: string;
  kind: ChannelKind;
  account_id: string;
  external_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** Who sees "typing…" when an operator types in a conversation: its channel and customer. */
@Injectable()
export class ChannelTypingRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  target(accountId: string, conversationId: string): Promise<TypingTarget | undefined> {
    return this.ds
      .createQueryBuilder(ConversationEntity, 'c')
      .innerJoin('c.inbox', 'i')
      .innerJoin('c.identity', 'ci')
      .innerJoin('c.contact', 'ct')
      .select('c.inbox_id', 'inbox_id')
      .addSelect('i.kind', 'kind')
      .addSelect('c.account_id', 'account_id')
      .addSelect('ci.external_id', 'external_id')
      .addSelect('ct.name', 'name')
      .addSelect('ct.email', 'email')
      .addSelect('ct.phone', 'phone')
      .where('c.id = :conversationId AND c.account_id = :accountId', { conversationId, accountId })
      .andWhere('i.removed_at IS NULL')
      .getRawOne<TypingTarget>();
  }
}
