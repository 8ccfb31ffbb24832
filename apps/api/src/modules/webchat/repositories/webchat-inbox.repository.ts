import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** What the web chat reads about inboxes (their rows belong to the inboxes module). */
@Injectable()
export class WebchatInboxRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findAccountId(inboxId: string): Promise<string | null> {
    const row = await this.ds
      .getRepository(InboxEntity)
      .createQueryBuilder('i')
      .select('i.accountId', 'accountId')
      .where('i.id = :inboxId', { inboxId })
      .getRawOne<{ accountId: string }>();
    return row?.accountId ?? null;
  }

  /** The oldest email inbox of the web chat inbox's account, if it has one. */
  async findEmailInboxBeside(webchatInboxId: string): Promise<string | null> {
    const row = await this.ds
      .getRepository(InboxEntity)
      .createQueryBuilder('w')
      .innerJoin(InboxEntity, 'e', `e.accountId = w.accountId AND e.kind = 'email'`)
      .select('e.id', 'id')
      .where('w.id = :webchatInboxId', { webchatInboxId })
      .orderBy('e.createdAt')
      .limit(1)
      .getRawOne<{ id: string }>();
    return row?.id ?? null;
  }
}
