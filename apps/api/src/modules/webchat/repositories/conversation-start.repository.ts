import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { WebchatConversationStartEntity } from '../entities/webchat-conversation-start.entity';

/** New web chat conversations per IP, for the rate limit. */
@Injectable()
export class ConversationStartRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Serialises check-and-record for one IP across instances, until the transaction ends. */
  async lockIp(em: EntityManager, ip: string): Promise<void> {
    // raw SQL: a transaction-scoped advisory lock (pg_advisory_xact_lock), which the builder lacks.
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webchat-start:${ip}`]);
  }

  async countLastHour(em: EntityManager, ip: string): Promise<number> {
    const row = await em
      .getRepository(WebchatConversationStartEntity)
      .createQueryBuilder('s')
      .select('count(*)', 'count')
      .where('s.ip = CAST(:ip AS inet)', { ip })
      .andWhere(`s.createdAt > now() - interval '1 hour'`)
      .getRawOne<{ count: string }>();
    return Number(row?.count ?? 0);
  }

  async record(em: EntityManager, inboxId: string, ip: string): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(WebchatConversationStartEntity)
      .values({ inboxId, ip })
      .updateEntity(false)
      .execute();
  }

  /** Rows only matter for an hour. */
  async deleteOlderThanTwoHours(): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebchatConversationStartEntity)
      .where(`created_at < now() - interval '2 hours'`)
      .execute();
  }
}
