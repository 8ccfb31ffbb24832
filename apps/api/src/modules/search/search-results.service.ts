import { Injectable } from '@nestjs/common';
import {
  hasSearchText,
  parseSearchQuery,
  searchWords,
  type ConversationSummaryDto,
} from '@switchboard/contracts';
import { SearchMatchesRepository } from './search-matches.repository';
import { searchSnippet } from './search-snippet';

/** Adds to each found conversation the newest message that matched, with its words marked. */
@Injectable()
export class SearchResultsService {
  constructor(private readonly matches: SearchMatchesRepository) {}

  async withMatches(
    accountId: string,
    q: string | undefined,
    items: ConversationSummaryDto[],
  ): Promise<ConversationSummaryDto[]> {
    const parsed = q ? parseSearchQuery(q) : null;
    if (!parsed?.ok || !hasSearchText(parsed.query) || items.length === 0) return items;
    const searched = [...parsed.query.words, ...parsed.query.phrases.flatMap(searchWords)];
    const rows = await this.matches.newestMatches(
      accountId,
      items.map((c) => c.id),
      parsed.query,
    );
    const byConversation = new Map(rows.map((r) => [r.conversation_id, r]));
    return items.map((c) => {
      const row = byConversation.get(c.id);
      if (!row) return c;
      return {
        ...c,
        match: {
          messageId: row.id,
          at: row.created_at.toISOString(),
          snippet: searchSnippet(row.text, searched),
        },
      };
    });
  }
}
