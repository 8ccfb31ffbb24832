import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttachmentFetchEntity } from './entities/attachment-fetch.entity';

export interface NewAttachmentFetch {
  accountId: string;
  inboxId: string;
  messageId: string;
  attachmentId: string;
  remoteRef: string;
  uniqueId: string;
}

/** Files announced by a channel and still to be fetched into our storage. */
@Injectable()
export class AttachmentFetchesRepository {
  /** Records the fetches; returns the ids of those that were new (a file already listed is skipped). */
  async insert(em: EntityManager, fetches: NewAttachmentFetch[]): Promise<string[]> {
    if (fetches.length === 0) return [];
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(AttachmentFetchEntity)
      .values(fetches)
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  find(em: EntityManager, id: string): Promise<AttachmentFetchEntity | null> {
    return em.getRepository(AttachmentFetchEntity).findOneBy({ id });
  }

  /** The fetch, locked, while it is still pending; null once another worker settled it. */
  lockPending(em: EntityManager, id: string): Promise<AttachmentFetchEntity | null> {
    return em
      .createQueryBuilder(AttachmentFetchEntity, 'f')
      .where('f.id = :id', { id })
      .andWhere(`f.state = 'pending'`)
      .setLock('pessimistic_write')
      .getOne();
  }

  async countAttempt(em: EntityManager, id: string, error: string): Promise<number> {
    await em
      .createQueryBuilder()
      .update(AttachmentFetchEntity)
      .set({ attempts: () => 'attempts + 1', lastError: error })
      .where('id = :id', { id })
      .execute();
    const row = await this.find(em, id);
    return row?.attempts ?? 0;
  }

  async settle(
    em: EntityManager,
    id: string,
    state: 'done' | 'failed',
    error: string | null,
  ): Promise<void> {
    await em
      .getRepository(AttachmentFetchEntity)
      .update({ id }, { state, lastError: error ?? undefined });
  }
}
