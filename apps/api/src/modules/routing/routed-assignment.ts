import { Injectable } from '@nestjs/common';
import type { ActorRef } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { PendingEvent } from '../../core/events/pending-event';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessagesRepository } from '../messages/messages.repository';
import { NotificationsService } from '../notifications/notifications.service';

/**
 * Routing's changes to a conversation, written as an assignment by hand is
 * (ConversationStatusService.assign / assignTeam): the row, the timeline activity, the assignee's
 * notification and the stream events, inside the caller's transaction (the row locked). `by` may
 * be a rule (its events then carry `originRuleId`, so they never re-trigger that rule) or null: the
 * team's round-robin on its own (a queue drained, a conversation given to the team).
 */
@Injectable()
export class RoutedAssignment {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async assign(
    em: EntityManager,
    conv: ConversationEntity,
    assignee: ActorRef | null,
    by: ActorRef | null,
  ): Promise<PendingEvent[]> {
    const assigneeId = assignee?.id ?? null;
    if (conv.assigneeId === assigneeId) return [];
    await this.conversations.setAssignee(em, conv.id, assigneeId);
    conv.assigneeId = assigneeId;
    const activity = await this.messages.insertActivity(em, conv, {
      type: 'assigned',
      by,
      assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
    });
    const summary = await this.conversations.loadSummary(em, conv.id);
    const notify = assignee && assignee.id !== by?.id ? [assignee.id] : [];
    return this.tag(by, [
      {
        type: 'message.created',
        conversationId: conv.id,
        payload: { message: activity, conversation: summary },
      },
      { type: 'conversation.updated', conversationId: conv.id, payload: { conversation: summary } },
      ...(await this.notifications.create(em, conv.accountId, notify, 'assigned', summary)),
    ]);
  }

  /** The conversation now belongs to the team it is routed in. */
  async setTeam(
    em: EntityManager,
    conv: ConversationEntity,
    team: ActorRef,
    by: ActorRef,
  ): Promise<PendingEvent[]> {
    if (conv.assigneeTeamId === team.id) return [];
    await this.conversations.setAssigneeTeam(em, conv.id, team.id);
    conv.assigneeTeamId = team.id;
    const activity = await this.messages.insertActivity(em, conv, {
      type: 'team_assigned',
      by,
      team: { id: team.id, name: team.name },
    });
    const summary = await this.conversations.loadSummary(em, conv.id);
    return this.tag(by, [
      {
        type: 'message.created',
        conversationId: conv.id,
        payload: { message: activity, conversation: summary },
      },
      { type: 'conversation.updated', conversationId: conv.id, payload: { conversation: summary } },
    ]);
  }

  private tag(by: ActorRef | null, events: PendingEvent[]): PendingEvent[] {
    return by?.kind === 'rule' ? events.map((e) => ({ ...e, originRuleId: by.id })) : events;
  }
}
