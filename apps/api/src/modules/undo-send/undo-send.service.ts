import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlreadySentDetails, MessageDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import { AppException, notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { isUuid } from '../conversations/keyset-cursor';
import { MessagesRepository } from '../messages/messages.repository';
import { UndoSendRepository } from './undo-send.repository';

/**
 * Undo send: the author takes a held reply back before its window closes. It is deleted (no
 * channel ever saw it; no consumer or webhook heard of it) and the stream says `message.unsent`;
 * the answer is the reply as it was, for the composer. Once the window has closed the reply is
 * leaving, whether or not the release has run yet: 409 ALREADY_SENT, so the answer never depends
 * on how late the poll is.
 */
@Injectable()
export class UndoSendService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: UndoSendRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly events: EventLogService,
  ) {}

  undo(op: AuthenticatedOperator, messageId: string): Promise<MessageDto> {
    if (!isUuid(messageId)) throw notFound('Message');
    return this.ds.transaction(async (em) => {
      const conversationId = await this.repo.findConversationOf(em, op.accountId, messageId);
      // Conversation first, then the message: the lock order of every writer of its messages.
      const conv = conversationId
        ? await this.conversations.lockOwned(em, op, conversationId)
        : null;
      const held = conv ? await this.repo.lock(em, messageId) : null;
      if (!conv || !held || held.conversationId !== conv.id) throw notFound('Message');
      if (held.senderOperatorId !== op.id)
        throw new AppException('FORBIDDEN', 'Only its author can undo a reply');
      if (!held.undoUntil || held.due) {
        const details: AlreadySentDetails = {
          messageId,
          undoUntil: held.undoUntil ? new Date(held.undoUntil).toISOString() : null,
        };
        throw new AppException(
          'ALREADY_SENT',
          'The reply was already sent: its Undo window has closed',
          details,
        );
      }
      const message = await this.messages.loadDto(em, messageId);
      await this.repo.remove(em, messageId);
      await this.events.append(em, op.accountId, [
        {
          type: 'message.unsent',
          conversationId: conv.id,
          payload: { messageId, conversationId: conv.id },
        },
      ]);
      return message;
    });
  }
}
