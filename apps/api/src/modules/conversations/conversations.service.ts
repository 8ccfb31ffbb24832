import { Injectable } from '@nestjs/common';
import type {
  ContactDto,
  ConversationCountsDto,
  ConversationDetailDto,
  ConversationSummaryDto,
  CountConversationsQuery,
  ListConversationsQuery,
  Page,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { notFound } from '../../core/http/app.exception';
import { ContactsService } from '../contacts/contacts.service';
import { toSummaryDto } from './conversation.mapper';
import { ConversationsRepository } from './conversations.repository';
import { decodeKeyset, encodeKeyset, isUuid } from './keyset-cursor';

/** Read side of conversations: the feed (keyset pages, never OFFSET), counts and details. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly repo: ConversationsRepository,
    private readonly contacts: ContactsService,
  ) {}

  async list(
    op: AuthenticatedOperator,
    q: ListConversationsQuery,
  ): Promise<Page<ConversationSummaryDto>> {
    const rows = await this.repo.listFeedPage(
      { ...q, accountId: op.accountId, operatorId: op.id, role: op.role },
      decodeKeyset(q.cursor),
      q.limit,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummaryDto),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.activity_key, id: last.id }) : null,
    };
  }

  counts(op: AuthenticatedOperator, q: CountConversationsQuery): Promise<ConversationCountsDto> {
    return this.repo.countByStatus({
      ...q,
      accountId: op.accountId,
      operatorId: op.id,
      role: op.role,
    });
  }

  async detail(op: AuthenticatedOperator, id: string): Promise<ConversationDetailDto> {
    const summary = await this.findSummary(op, id);
    const contactCard: ContactDto = await this.contacts.card(op.accountId, summary.contact.id);
    return { ...summary, contactCard };
  }

  async findSummary(op: AuthenticatedOperator, id: string): Promise<ConversationSummaryDto> {
    if (!isUuid(id)) throw notFound('Conversation');
    const row = await this.repo.findSummary(this.repo.manager, id, op);
    if (!row) throw notFound('Conversation');
    return toSummaryDto(row);
  }
}
