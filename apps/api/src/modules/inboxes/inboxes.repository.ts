import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { ChannelKind } from '@switchboard/contracts';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { InboxEntity } from './entities/inbox.entity';

export type InboxFields = Pick<
  InboxEntity,
  'name' | 'settings' | 'secretsEncrypted' | 'secretKeys' | 'reopenPolicy' | 'replyWindowHours'
> &
  Partial<Pick<InboxEntity, 'connectionError' | 'connectionErrorAt' | 'pausedAt'>>;

/** Inboxes, one per connected channel. */
@Injectable()
export class InboxesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  listByAccount(accountId: string): Promise<InboxEntity[]> {
    return this.ds
      .getRepository(InboxEntity)
      .find({ where: { accountId, removedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  /** Every working inbox of a kind, across accounts (pollers). */
  listActiveByKind(kind: ChannelKind): Promise<InboxEntity[]> {
    return this.ds.getRepository(InboxEntity).find({ where: { kind, removedAt: IsNull() } });
  }

  async markRemoved(em: EntityManager, accountId: string, id: string): Promise<void> {
    await em
      .getRepository(InboxEntity)
      .update({ id, accountId, removedAt: IsNull() }, { removedAt: () => 'now()' });
  }

  /** Pauses (keeping the first pause's time) or resumes the account's inbox; null when not theirs. */
  async setPaused(accountId: string, id: string, paused: boolean): Promise<InboxEntity | null> {
    await this.ds
      .getRepository(InboxEntity)
      .update(
        { id, accountId, removedAt: IsNull() },
        { pausedAt: paused ? () => 'COALESCE(paused_at, now())' : null },
      );
    return this.find(this.ds.manager, id, accountId);
  }

  /** Records why the channel cannot work (null clears it); true when it changed. */
  async setConnectionError(id: string, error: string | null): Promise<boolean> {
    const result = await this.ds
      .createQueryBuilder()
      .update(InboxEntity)
      .set({ connectionError: error, connectionErrorAt: error ? () => 'now()' : null })
      .where('id = :id', { id })
      .andWhere('connection_error IS DISTINCT FROM :error', { error })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** One inbox; limited to the account when one is given (API calls), any for server-side use. */
  find(em: EntityManager, id: string, accountId?: string): Promise<InboxEntity | null> {
    return em.getRepository(InboxEntity).findOneBy(accountId ? { id, accountId } : { id });
  }

  async insert(
    em: EntityManager,
    inbox: InboxFields & Pick<InboxEntity, 'accountId' | 'kind'> & { id?: string },
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
