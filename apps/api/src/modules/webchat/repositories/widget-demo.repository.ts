import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** The development demo page's lookups: which inbox to embed, or which account to give one. */
@Injectable()
export class WidgetDemoRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findOldestWebchatInboxId(): Promise<string | null> {
    const row = await this.ds
      .getRepository(InboxEntity)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .where(`i.kind = 'webchat'`)
      .orderBy('i.createdAt')
      .limit(1)
      .getRawOne<{ id: string }>();
    return row?.id ?? null;
  }

  async findOldestAccountId(): Promise<string | null> {
    const row = await this.ds
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .orderBy('a.createdAt')
      .limit(1)
      .getRawOne<{ id: string }>();
    return row?.id ?? null;
  }
}
