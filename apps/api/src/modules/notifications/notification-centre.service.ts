import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ListNotificationsQuery,
  MarkNotificationsReadRequest,
  NotificationCountDto,
  NotificationItemDto,
  Page,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import { toSummaryDto } from '../conversations/conversation.mapper';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { decodeKeyset, encodeKeyset } from '../conversations/keyset-cursor';
import { NotificationsRepository, type ReadSelection } from './notifications.repository';

/**
 * What an operator reads in the notification centre, and marking it read. Read state lives on the
 * server and travels on the stream, so every tab and device of the operator shows the same count.
 */
@Injectable()
export class NotificationCentreService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: NotificationsRepository,
    private readonly conversations: ConversationsRepository,
    private readonly events: EventLogService,
  ) {}

  async list(
    op: AuthenticatedOperator,
    q: ListNotificationsQuery,
  ): Promise<Page<NotificationItemDto>> {
    const rows = await this.repo.listPage(op.accountId, op.id, decodeKeyset(q.cursor), q.limit);
    const page = rows.slice(0, q.limit);
    const summaries = new Map<string, NotificationItemDto['conversation']>();
    for (const id of new Set(page.map((r) => r.conversation_id))) {
      const row = await this.conversations.findSummary(this.ds.manager, id, op);
      if (row) summaries.set(id, toSummaryDto(row));
    }
    const items = page.flatMap((r): NotificationItemDto[] => {
      const conversation = summaries.get(r.conversation_id);
      if (!conversation) return [];
      return [
        {
          id: r.id,
          operatorId: r.operator_id,
          type: r.type,
          conversationId: r.conversation_id,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
          ...(r.detail ? { detail: r.detail } : {}),
          conversation,
        },
      ];
    });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.created_key, id: last.id }) : null,
    };
  }

  async count(op: AuthenticatedOperator): Promise<NotificationCountDto> {
    return { unread: await this.repo.countUnread(op.accountId, op.id) };
  }

  async markRead(
    op: AuthenticatedOperator,
    req: MarkNotificationsReadRequest,
  ): Promise<NotificationCountDto> {
    const selection: ReadSelection = req.ids
      ? { ids: req.ids }
      : req.conversationId
        ? { conversationId: req.conversationId }
        : { all: true };
    await this.ds.transaction(async (em) => {
      const ids = await this.repo.markRead(em, op.accountId, op.id, selection);
      if (ids.length === 0) return;
      await this.events.append(em, op.accountId, [
        {
          type: 'notifications.read',
          conversationId: 'conversationId' in selection ? selection.conversationId : null,
          payload: { operatorId: op.id, ids, all: 'all' in selection },
        },
      ]);
    });
    return this.count(op);
  }
}
