import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationTimeDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { TimeEntriesRepository } from './time-entries.repository';

const MAX_ENTRIES = 100;

/** A conversation's time: the total, each operator's, the caller's, and the latest entries. */
@Injectable()
export class TimeQueriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly entries: TimeEntriesRepository,
    private readonly conversations: ConversationsRepository,
  ) {}

  async get(op: AuthenticatedOperator, conversationId: string): Promise<ConversationTimeDto> {
    if (!(await this.conversations.isVisibleTo(op, conversationId))) throw notFound('Conversation');
    return this.load(this.ds.manager, op, conversationId);
  }

  /** Reads inside the caller's transaction (after a correction), for a conversation it checked. */
  async load(
    em: EntityManager,
    op: AuthenticatedOperator,
    conversationId: string,
  ): Promise<ConversationTimeDto> {
    const { total, mine } = await this.entries.totals(em, conversationId, op.id);
    const operators = await this.entries.perOperator(em, conversationId);
    const entries = await this.entries.entries(em, conversationId, MAX_ENTRIES);
    return {
      conversationId,
      totalSeconds: total,
      mineSeconds: mine,
      operators: operators.map((o) => ({
        operator: { id: o.operator_id, name: o.operator_name },
        seconds: Number(o.seconds),
      })),
      entries: entries.map((e) => ({
        id: e.id,
        source: e.source,
        operator: { id: e.operator_id, name: e.operator_name },
        startedAt: e.started_at.toISOString(),
        seconds: e.seconds,
        reason: e.reason,
        by:
          e.created_by_id && e.created_by_name
            ? { id: e.created_by_id, name: e.created_by_name }
            : null,
      })),
    };
  }
}
