import { Injectable } from '@nestjs/common';
import type { ConversationPriority } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';

/** The priority column of conversations. */
@Injectable()
export class ConversationPriorityRepository {
  /** Locks a conversation by id for the rest of the transaction (rules act across inboxes). */
  lock(em: EntityManager, id: string): Promise<ConversationEntity | null> {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async set(em: EntityManager, id: string, priority: ConversationPriority): Promise<void> {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ priority })
      .where('id = :id', { id })
      .updateEntity(false)
      .execute();
  }
}
