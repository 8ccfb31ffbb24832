import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TeamEntity } from '../access/entities/team.entity';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { RoutingQueueEntryEntity } from './entities/routing-queue-entry.entity';

export interface QueueListRow {
  conversationId: string;
  number: number;
  inboxId: string;
  teamId: string;
  teamName: string;
  position: string;
  enqueuedAt: Date;
  contactName: string | null;
  preview: string | null;
}

/** The teams' queues: arrival order is the team's `seq`, taken under the team's lock. */
@Injectable()
export class RoutingQueueRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  find(em: EntityManager, conversationId: string) {
    return em.getRepository(RoutingQueueEntryEntity).findOneBy({ conversationId });
  }

  async insert(
    em: EntityManager,
    entry: Pick<
      RoutingQueueEntryEntity,
      'accountId' | 'conversationId' | 'teamId' | 'seq' | 'routedBy'
    >,
  ): Promise<void> {
    await em.getRepository(RoutingQueueEntryEntity).insert(entry);
  }

  /** 1-based place of the entry with `seq` in its team's queue. */
  position(em: EntityManager, teamId: string, seq: string): Promise<number> {
    return em
      .getRepository(RoutingQueueEntryEntity)
      .createQueryBuilder('q')
      .where('q.teamId = :teamId AND q.seq <= :seq', { teamId, seq })
      .getCount();
  }

  async remove(em: EntityManager, conversationId: string): Promise<boolean> {
    const result = await em.getRepository(RoutingQueueEntryEntity).delete({ conversationId });
    return (result.affected ?? 0) > 0;
  }

  /** The oldest entries of the team's queue. */
  head(em: EntityManager, teamId: string, limit: number) {
    return em.getRepository(RoutingQueueEntryEntity).find({
      where: { teamId },
      order: { seq: 'ASC' },
      take: limit,
    });
  }

  /**
   * Drops the team's entries that no longer wait: closed or snoozed, assigned by hand, merged,
   * or moved to another team. Returns how many left.
   */
  async dropSettled(em: EntityManager, teamId: string): Promise<number> {
    const result = await em
      .createQueryBuilder()
      .delete()
      .from(RoutingQueueEntryEntity)
      .where('team_id = :teamId', { teamId })
      .andWhere(
        `conversation_id IN (SELECT c.id FROM conversations c
          WHERE c.id = routing_queue.conversation_id
            AND (c.status <> 'open' OR c.assignee_id IS NOT NULL OR c.merged_into_id IS NOT NULL
                 OR c.assignee_team_id IS DISTINCT FROM routing_queue.team_id))`,
      )
      .execute();
    return result.affected ?? 0;
  }

  /** Every team with a waiting conversation, in any account (the safety poll). */
  async teamsWithQueue(): Promise<string[]> {
    const rows = await this.ds
      .getRepository(RoutingQueueEntryEntity)
      .createQueryBuilder('q')
      .select('DISTINCT q.team_id', 'teamId')
      .getRawMany<{ teamId: string }>();
    return rows.map((r) => r.teamId);
  }

  /** The team's open, unassigned conversations that are not queued, oldest first. */
  async unrouted(em: EntityManager, teamId: string, limit: number): Promise<string[]> {
    const rows = await em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where(`c.assigneeTeamId = :teamId AND c.assigneeId IS NULL AND c.status = 'open'`, {
        teamId,
      })
      .andWhere('c.mergedIntoId IS NULL')
      .andWhere('NOT EXISTS (SELECT 1 FROM routing_queue q WHERE q.conversation_id = c.id)')
      .orderBy('c.createdAt')
      .addOrderBy('c.id')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** One conversation for the drain, locked; null when someone else holds it (try next pass). */
  claimConversation(em: EntityManager, id: string) {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  /**
   * The operator's open conversations of the team still waiting for their reply (the customer
   * wrote last), locked in id order: what "hand back" returns to the queue.
   */
  lockUnanswered(em: EntityManager, operatorId: string, teamId: string) {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where(`c.assigneeId = :operatorId AND c.assigneeTeamId = :teamId AND c.status = 'open'`, {
        operatorId,
        teamId,
      })
      .andWhere(`c.lastMessageDirection = 'incoming'`)
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Every queue of the account, each in arrival order, with its place (before any filter). */
  list(accountId: string): Promise<QueueListRow[]> {
    return this.ds
      .getRepository(RoutingQueueEntryEntity)
      .createQueryBuilder('q')
      .innerJoin(ConversationEntity, 'c', 'c.id = q.conversation_id')
      .innerJoin(TeamEntity, 't', 't.id = q.team_id')
      .leftJoin(ContactEntity, 'ct', 'ct.id = c.contact_id')
      .select('q.conversation_id', 'conversationId')
      .addSelect('c.number', 'number')
      .addSelect('c.inbox_id', 'inboxId')
      .addSelect('q.team_id', 'teamId')
      .addSelect('t.name', 'teamName')
      .addSelect('row_number() OVER (PARTITION BY q.team_id ORDER BY q.seq)::text', 'position')
      .addSelect('q.enqueued_at', 'enqueuedAt')
      .addSelect('ct.name', 'contactName')
      .addSelect('c.last_message_preview', 'preview')
      .where('q.account_id = :accountId', { accountId })
      .orderBy('t.name')
      .addOrderBy('q.seq')
      .limit(1000)
      .getRawMany<QueueListRow>();
  }
}
