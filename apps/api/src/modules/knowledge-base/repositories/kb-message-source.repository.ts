import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MessageEntity } from '../../messages/entities/message.entity';

export interface KbMessageSource {
  id: string;
  inboxId: string;
  text: string | null;
  html: string | null;
  subject: string | null;
}

/** The message an article is drafted from, with its conversation's subject. */
@Injectable()
export class KbMessageSourceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(accountId: string, messageId: string): Promise<KbMessageSource | null> {
    const row = await this.ds
      .createQueryBuilder(MessageEntity, 'm')
      .innerJoin('m.conversation', 'c')
      .select(['m.id AS id', 'm.inbox_id AS "inboxId"', 'm.text AS text', 'm.html AS html'])
      .addSelect('c.subject', 'subject')
      .where('m.id = :messageId AND m.account_id = :accountId', { messageId, accountId })
      .getRawOne<KbMessageSource>();
    return row ?? null;
  }
}
