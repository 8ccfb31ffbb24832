import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ConversationParticipantsDto,
  ConversationSummaryDto,
  ParticipationReason,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ParticipantsRepository } from './participants.repository';

/**
 * Participants of a conversation: operators who replied, were mentioned in a note, or follow it.
 * They (and the assignee) are notified of each new customer message.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: ParticipantsRepository,
    private readonly conversations: ConversationsRepository,
  ) {}

  /**
   * Makes the operator a participant, in the caller's transaction (a reply, a note's mention).
   * The caller has checked that the conversation and the operator belong to the account.
   */
  addParticipant(
    em: EntityManager,
    accountId: string,
    conversationId: string,
    operatorId: string,
    reason: ParticipationReason,
  ): Promise<void> {
    return this.repo.add(em, { accountId, conversationId, operatorId, reason });
  }

  /** Stores the customer-message notifications of a new customer message (general inbound path). */
  notifyCustomerMessage(
    em: EntityManager,
    accountId: string,
    conversation: ConversationSummaryDto,
    except: string[] = [],
  ) {
    return this.repo.notifyCustomerMessage(em, accountId, conversation, except);
  }

  async list(
    op: AuthenticatedOperator,
    conversationId: string,
  ): Promise<ConversationParticipantsDto> {
    return this.ds.transaction(async (em) => {
      await this.lock(em, op, conversationId);
      return this.describe(em, op, conversationId);
    });
  }

  follow(op: AuthenticatedOperator, conversationId: string): Promise<ConversationParticipantsDto> {
    return this.ds.transaction(async (em) => {
      await this.lock(em, op, conversationId);
      await this.repo.add(em, {
        accountId: op.accountId,
        conversationId,
        operatorId: op.id,
        reason: 'followed',
      });
      return this.describe(em, op, conversationId);
    });
  }

  /** Stops hearing about the conversation, whatever made the operator a participant. */
  unfollow(
    op: AuthenticatedOperator,
    conversationId: string,
  ): Promise<ConversationParticipantsDto> {
    return this.ds.transaction(async (em) => {
      await this.lock(em, op, conversationId);
      await this.repo.remove(em, conversationId, op.id);
      return this.describe(em, op, conversationId);
    });
  }

  private async lock(em: EntityManager, op: AuthenticatedOperator, conversationId: string) {
    const conv = await this.conversations.lockOwned(em, op, conversationId);
    if (!conv) throw notFound('Conversation');
    return conv;
  }

  private async describe(
    em: EntityManager,
    op: AuthenticatedOperator,
    conversationId: string,
  ): Promise<ConversationParticipantsDto> {
    const rows = await this.repo.list(em, conversationId);
    return {
      participants: rows.map((r) => ({
        operatorId: r.operatorId,
        reason: r.reason,
        createdAt: r.createdAt.toISOString(),
      })),
      following: rows.some((r) => r.operatorId === op.id),
    };
  }
}
