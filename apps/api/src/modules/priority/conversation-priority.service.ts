import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ActorRef,
  ConversationPriority,
  ConversationSummaryDto,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { SlaClockService } from '../sla/sla-clock.service';
import { ConversationPriorityRepository } from './conversation-priority.repository';

/**
 * Changes a conversation's priority: the row, the `priority_changed` activity, its SLA targets
 * (recomputed for the new priority's policy) and the stream events, in the caller's transaction.
 */
@Injectable()
export class ConversationPriorityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: ConversationPriorityRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly sla: SlaClockService,
    private readonly events: EventLogService,
  ) {}

  /**
   * For rule actions (and the route below): locks the conversation and, when the priority
   * differs, writes the change with its activity and events in `em`'s transaction. Events a rule
   * causes carry its id, so that rule is not triggered by them again.
   */
  async setPriority(
    em: EntityManager,
    conversationId: string,
    priority: ConversationPriority,
    by: ActorRef,
  ): Promise<'done' | 'unchanged'> {
    const conv = await this.repo.lock(em, conversationId);
    if (!conv) throw notFound('Conversation');
    if (conv.priority === priority) return 'unchanged';
    await this.repo.set(em, conv.id, priority);
    const activity = await this.messages.insertActivity(em, conv, {
      type: 'priority_changed',
      by,
      from: conv.priority,
      to: priority,
    });
    await this.sla.apply(em, { ...conv, priority }, 'priority_changed', new Date());
    const conversation = await this.conversations.loadSummary(em, conv.id);
    const origin = by.kind === 'rule' ? { originRuleId: by.id } : {};
    const pending: PendingEvent[] = [
      {
        type: 'message.created',
        conversationId: conv.id,
        payload: { message: activity, conversation },
        ...origin,
      },
      {
        type: 'conversation.updated',
        conversationId: conv.id,
        payload: { conversation },
        ...origin,
      },
    ];
    await this.events.append(em, conv.accountId, pending);
    return 'done';
  }

  /** `PATCH /api/conversations/:id/priority`: anyone who may work the conversation. */
  change(
    op: AuthenticatedOperator,
    id: string,
    priority: ConversationPriority,
  ): Promise<ConversationSummaryDto> {
    return this.ds.transaction(async (em) => {
      if (!(await this.conversations.lockOwned(em, op, id))) throw notFound('Conversation');
      await this.setPriority(em, id, priority, { id: op.id, name: op.name });
      return this.conversations.loadSummary(em, id);
    });
  }
}
