import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InboxEntity } from './entities/inbox.entity';

export type InboxFields = Pick<
  InboxEntity,
  'name' | 'settings' | 'secretsEncrypted' | 'secretKeys' | 'reopenPolicy'
>;

/** Inboxes, one per connected channel. */
@Injectable()
export class InboxesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  listByAccount(accountId: string): Promise<InboxEntity[]> {
    return this.ds
      .getRepository(InboxEntity)
      .find({ where: { accountId }, order: { createdAt: 'ASC' } });
  }

  /** One inbox; limited to the account when one is given (API calls), any for server-side use. */
  find(em: EntityManager, id: string, accountId?: string): Promise<InboxEntity | null> {
    return em.getRepository(InboxEntity).findOneBy(accountId ? { id, accountId } : { id });
  }

  async insert(
    em: EntityManager,
    inbox: InboxFields & Pick<InboxEntity, 'accountId' | 'kind'>,
  ): Promise<InboxEntity> {
    const repo = em.getRepository(InboxEntity);
    // `settings` is free-form JSON, which TypeORM's deep-partial type cannot follow.
    const result = await repo.insert(inbox as QueryDeepPartialEntity<InboxEntity>);
    return repo.create({ ...inbox, ...result.generatedMaps[0] });
  }

  /** Updates the account's inbox; null when it is not theirs. */
  async update(accountId: string, id: string, fields: InboxFields): Promise<InboxEntity | null> {
    await this.ds
      .getRepository(InboxEntity)
      .update({ id, accountId }, fields as QueryDeepPartialEntity<InboxEntity>);
    return this.find(this.ds.manager, id, accountId);
  }
}
