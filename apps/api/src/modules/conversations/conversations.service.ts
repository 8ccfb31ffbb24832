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
import { AppException, notFound } from '../../core/http/app.exception';
import { ContactsService } from '../contacts/contacts.service';
import { SearchResultsService } from '../search/search-results.service';
import { toSummaryDto } from './conversation.mapper';
import { ConversationFeedRepository } from './conversation-feed.repository';
import { ConversationsRepository } from './conversations.repository';
import { decodeKeyset, encodeKeyset, isUuid } from './keyset-cursor';
import { decodePriorityKeyset, encodePriorityKeyset } from '../priority/priority-keyset';

/** Read side of conversations: the feed (keyset pages, never OFFSET), counts and details. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly repo: ConversationsRepository,
    private readonly feed: ConversationFeedRepository,
    private readonly contacts: ContactsService,
    private readonly search: SearchResultsService,
  ) {}

  async list(
    op: AuthenticatedOperator,
    q: ListConversationsQuery,
  ): Promise<Page<ConversationSummaryDto>> {
    const byPriority = q.sort === 'priority';
    const rows = await this.feed.listFeedPage(
      { ...q, accountId: op.accountId, operatorId: op.id, role: op.role },
      byPriority ? decodePriorityKeyset(q.cursor) : decodeKeyset(q.cursor),
      q.limit,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    if (byPriority) {
      return {
        items: await this.search.withMatches(op.accountId, q.q, page.map(toSummaryDto)),
        nextCursor:
          rows.length > q.limit && last
            ? encodePriorityKeyset({
                rank: Number(last.priority_rank),
                at: last.activity_key,
                id: last.id,
              })
            : null,
      };
    }
    return {
      // Search results carry the message that matched (none without search words).
      items: await this.search.withMatches(op.accountId, q.q, page.map(toSummaryDto)),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.activity_key, id: last.id }) : null,
    };
  }

  async counts(
    op: AuthenticatedOperator,
    q: CountConversationsQuery,
  ): Promise<ConversationCountsDto> {
    const counts = await this.feed.countByStatus({
      ...q,
      accountId: op.accountId,
      operatorId: op.id,
      role: op.role,
    });
    if (!counts) {
      throw new AppException(
        'SEARCH_TOO_BROAD',
        'q: these words are in too many messages to count them; add a word, a date or a filter',
      );
    }
    return counts;
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
