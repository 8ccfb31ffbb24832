import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { previewOf } from '@switchboard/channels-core';
import type { ConversationMoveResultDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import { AppException, notFound } from '../../core/http/app.exception';
import { AccountsRepository } from '../accounts/accounts.repository';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { isUuid } from '../conversations/keyset-cursor';
import { MessagesRepository } from '../messages/messages.repository';
import {
  ConversationMovesRepository,
  type SummaryColumns,
  type TimelineFacts,
} from './conversation-moves.repository';
import { moveEvents } from './move-events';

/**
 * Split: a message (and, optionally, every later one) moves out into a new conversation of the
 * same customer, identity and inbox, with a new number. Both feed rows are recomputed from their
 * timelines; a split that would leave the original without any message or note is refused.
 */
@Injectable()
export class ConversationSplitService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly moves: ConversationMovesRepository,
    private readonly accounts: AccountsRepository,
    private readonly events: EventLogService,
  ) {}

  split(
    op: AuthenticatedOperator,
    id: string,
    req: { messageId: string; withFollowing: boolean },
  ): Promise<ConversationMoveResultDto> {
    if (!isUuid(id)) throw notFound('Conversation');
    return this.ds.transaction(async (em) => {
      const original = await this.conversations.lockOwned(em, op, id);
      if (!original) throw notFound('Conversation');
      if (original.mergedIntoId)
        throw new AppException(
          'INVALID_STATE',
          `#${original.number} was merged into another conversation`,
        );
      const start = await this.moves.findMessageIn(em, original.id, req.messageId);
      if (!start)
        throw new AppException(
          'VALIDATION_FAILED',
          'messageId: not a message of this conversation',
        );
      if (start.kind === 'activity')
        throw new AppException('VALIDATION_FAILED', 'messageId: an activity cannot be split out');
      const moving = await this.moves.idsFrom(em, original.id, start, req.withFollowing);
      const before = await this.moves.timelineFacts(em, original.id);
      const movingContent = moving.filter((m) => m.kind !== 'activity').length;
      if (movingContent >= before.contentCount)
        throw new AppException(
          'INVALID_MOVE',
          'Splitting this out would move every message; at least one must stay',
        );
      const unread = await this.moves.newestIncomingIds(em, original.id, original.unreadCount);

      const created = await this.conversations.insert(em, {
        id: randomUUID(),
        accountId: op.accountId,
        number: await this.accounts.nextConversationNumber(em, op.accountId),
        inboxId: original.inboxId,
        contactId: original.contactId,
        identityId: original.identityId,
        subject: original.subject,
      });
      await this.moves.copyAssignment(em, created.id, original);
      await this.moves.copyParticipants(em, op.accountId, original.id, created.id);
      const ids = moving.map((m) => m.id);
      await this.moves.moveSome(em, original.id, created.id, ids);

      const movedUnread = unread.filter((u) => ids.includes(u)).length;
      const after = await this.moves.timelineFacts(em, original.id);
      const split = await this.moves.timelineFacts(em, created.id);
      await this.moves.setSummary(em, original.id, {
        ...summaryFrom(after, original),
        // The original keeps its place in the feed unless its newest message left.
        ...(after.latest?.createdAt.getTime() === before.latest?.createdAt.getTime()
          ? { lastActivityAt: original.lastActivityAt }
          : {}),
        unreadCount: original.unreadCount - movedUnread,
      });
      await this.moves.setSummary(em, created.id, {
        ...summaryFrom(split, created),
        unreadCount: movedUnread,
      });

      const by = { id: op.id, name: op.name };
      const movedCount = ids.length;
      const originalActivity = await this.messages.insertActivity(em, original, {
        type: 'split_into',
        by,
        target: { id: created.id, number: created.number },
        movedCount,
      });
      const createdActivity = await this.messages.insertActivity(em, created, {
        type: 'split_from',
        by,
        source: { id: original.id, number: original.number },
        movedCount,
      });
      const from = await this.conversations.loadSummary(em, original.id);
      const to = await this.conversations.loadSummary(em, created.id);
      await this.events.append(em, op.accountId, [
        { type: 'conversation.created', conversationId: to.id, payload: { conversation: to } },
        ...moveEvents(
          { summary: from, activity: originalActivity },
          { summary: to, activity: createdActivity },
          ids,
        ),
      ]);
      return { from, to, movedCount };
    });
  }
}

/** A feed row from its timeline: the newest message's time, preview and direction. */
function summaryFrom(facts: TimelineFacts, conv: ConversationEntity): SummaryColumns {
  const latest = facts.latest;
  return {
    lastActivityAt: latest?.createdAt ?? conv.createdAt,
    lastMessagePreview: latest
      ? previewOf(latest.text ?? latest.attachments[0]?.filename ?? null)
      : null,
    lastMessageDirection: latest?.direction ?? null,
    lastIncomingAt: facts.lastIncomingAt,
    firstReplyAt: facts.firstReplyAt,
  };
}
