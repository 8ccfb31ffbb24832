import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DraftMode } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { DraftEntity } from './entities/draft.entity';

export interface DraftKey {
  accountId: string;
  operatorId: string;
  conversationId: string;
}

/** Reply drafts, one per operator and conversation. */
@Injectable()
export class DraftsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  find(key: DraftKey): Promise<DraftEntity | null> {
    return this.ds.getRepository(DraftEntity).findOneBy(key);
  }

  /** Insert or replace in one statement: two tabs saving at once never fail on the key. */
  async save(key: DraftKey, text: string, mode: DraftMode): Promise<DraftEntity> {
    const { raw } = await this.ds
      .createQueryBuilder()
      .insert()
      .into(DraftEntity)
      .values({ ...key, text, mode, updatedAt: () => 'clock_timestamp()' })
      .orUpdate(['text', 'mode', 'updated_at'], ['operator_id', 'conversation_id'])
      .returning(['updated_at'])
      .execute();
    const [row] = raw as Array<{ updated_at: Date } | undefined>;
    const updatedAt = row?.updated_at ?? new Date();
    return Object.assign(new DraftEntity(), { ...key, text, mode, updatedAt });
  }

  async remove(em: EntityManager, key: DraftKey): Promise<void> {
    await em.getRepository(DraftEntity).delete(key);
  }
}
