import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ChannelPollCursorEntity } from './entities/channel-poll-cursor.entity';

/** How far each polled inbox has been read. */
@Injectable()
export class ChannelPollCursorsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(inboxId: string): Promise<number> {
    const row = await this.ds.getRepository(ChannelPollCursorEntity).findOneBy({ inboxId });
    return row ? Number(row.position) : 0;
  }

  async set(accountId: string, inboxId: string, position: number): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(ChannelPollCursorEntity)
      .values({ accountId, inboxId, position: String(position) })
      .orUpdate(['position', 'updated_at'], ['inbox_id'])
      .execute();
  }
}
