import { Injectable } from '@nestjs/common';
import type { BusinessHours, ConversationPriority, SlaTarget } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { SlaTargetEntity } from './entities/sla-target.entity';

export type SlaTargetRow = Omit<SlaTargetEntity, 'conversation' | 'policy' | 'account'>;

/** SLA clocks of conversations, and the policy and schedule they are computed from. */
@Injectable()
export class SlaTargetsRepository {
  /** Whether the account has any policy: without one, nothing of SLAs runs. */
  async accountHasPolicies(em: EntityManager, accountId: string): Promise<boolean> {
    return em.getRepository(SlaPolicyEntity).exists({ where: { accountId } });
  }

  /** The policy for a conversation: its inbox's for its priority, else its inbox's "any priority". */
  policyFor(
    em: EntityManager,
    inboxId: string,
    priority: ConversationPriority,
  ): Promise<SlaPolicyEntity | null> {
    return em
      .getRepository(SlaPolicyEntity)
      .createQueryBuilder('p')
      .where('p.inbox_id = :inboxId AND (p.priority = :priority OR p.priority IS NULL)', {
        inboxId,
        priority,
      })
      .orderBy('p.priority', 'ASC', 'NULLS LAST')
      .getOne();
  }

  findPolicy(em: EntityManager, id: string): Promise<SlaPolicyEntity | null> {
    return em.getRepository(SlaPolicyEntity).findOne({ where: { id } });
  }

  async inboxHours(em: EntityManager, inboxId: string): Promise<BusinessHours | null> {
    const inbox = await em
      .getRepository(InboxEntity)
      .findOne({ select: { id: true, businessHours: true }, where: { id: inboxId } });
    return inbox?.businessHours ?? null;
  }

  /** The conversation's targets, running or done, by target. */
  async ofConversation(em: EntityManager, conversationId: string): Promise<SlaTargetRow[]> {
    return em.getRepository(SlaTargetEntity).find({ where: { conversationId } });
  }

  /** Starts (or restarts: a new round of next response) a target. */
  async put(em: EntityManager, row: SlaTargetRow): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(SlaTargetEntity)
      .values(row)
      .orUpdate(
        [
          'policy_id',
          'started_at',
          'due_at',
          'warn_at',
          'state',
          'check_at',
          'paused_at',
          'paused_minutes',
          'completed_at',
        ],
        ['conversation_id', 'target'],
      )
      .updateEntity(false)
      .execute();
  }

  async update(
    em: EntityManager,
    conversationId: string,
    target: SlaTarget,
    patch: Partial<SlaTargetRow>,
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(SlaTargetEntity)
      .set(patch)
      .where('conversation_id = :conversationId AND target = :target', { conversationId, target })
      .updateEntity(false)
      .execute();
  }

  /** Copies the running targets' due times onto the conversation row (its `sla_*_due_at`). */
  async mirror(em: EntityManager, conversationId: string, rows: SlaTargetRow[]): Promise<void> {
    const due = (target: SlaTarget) =>
      rows.find((r) => r.target === target && !r.completedAt)?.dueAt ?? null;
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({
        slaFirstResponseDueAt: due('first_response'),
        slaNextResponseDueAt: due('next_response'),
        slaResolutionDueAt: due('resolution'),
      })
      .where('id = :conversationId', { conversationId })
      .updateEntity(false)
      .execute();
  }

  /**
   * Claims the target that is due to be looked at first, with its conversation, for the rest of
   * the transaction. SKIP LOCKED: instances share the work and each target is handled once.
   */
  claimDue(em: EntityManager): Promise<SlaTargetEntity | null> {
    return em
      .getRepository(SlaTargetEntity)
      .createQueryBuilder('t')
      .innerJoin('t.conversation', 'c')
      .where('t.check_at <= now()')
      .orderBy('t.check_at')
      .limit(1)
      .setLock('pessimistic_write', undefined, ['t', 'c'])
      .setOnLocked('skip_locked')
      .getOne();
  }
}
