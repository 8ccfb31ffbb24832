import { Injectable } from '@nestjs/common';
import type { ConversationSummaryDto, SlaTarget } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { PendingEvent } from '../../core/events/pending-event';
import { InboxAccessRepository } from '../access/inbox-access.repository';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessagesRepository } from '../messages/messages.repository';
import { NotificationsService } from '../notifications/notifications.service';

/**
 * What a breach writes besides the target's state: the timeline activity and the notifications.
 * The poller breaches targets whose time came; the clock consumer breaches one a late reply
 * completed before the poller came to it.
 */
@Injectable()
export class SlaBreachWriter {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly notifications: NotificationsService,
    private readonly inboxAccess: InboxAccessRepository,
  ) {}

  async write(
    em: EntityManager,
    conv: ConversationEntity,
    target: SlaTarget,
  ): Promise<PendingEvent[]> {
    const activity = await this.messages.insertActivity(em, conv, { type: 'sla_breached', target });
    const summary = await this.conversations.loadSummary(em, conv.id);
    return [
      {
        type: 'message.created',
        conversationId: conv.id,
        payload: { message: activity, conversation: summary },
      },
      ...(await this.notify(em, conv, summary)),
    ];
  }

  /** The assignee hears of a breach; unassigned, the team's members, else the inbox's operators. */
  private async notify(
    em: EntityManager,
    conv: ConversationEntity,
    summary: ConversationSummaryDto,
  ): Promise<PendingEvent[]> {
    const operatorIds =
      !conv.assigneeId && conv.assigneeTeamId
        ? await this.inboxAccess.teamMembersWhoMayWork(em, conv.assigneeTeamId, conv.inboxId)
        : await this.notifications.recipients(em, conv);
    return this.notifications.create(em, conv.accountId, operatorIds, 'sla_breached', summary);
  }
}
