import type { ConversationSummaryDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { conversationsApi, type FeedQuery } from '../../feed/api/conversations-api';
import { conversationNumberOf, MAX_QUERY_LENGTH } from '../utils/fuzzy-match';
import { errorText } from '../../../shared/api/error-text';

const DEBOUNCE_MS = 150;
const LIMIT = 8;
/** The search box's own limit of words per query. */
const MAX_WORDS = 10;

const ANY: Omit<FeedQuery, 'q'> = {
  status: 'all',
  assignee: 'all',
  inboxId: null,
  channel: null,
  tags: [],
  from: null,
  to: null,
};

/**
 * The palette's text as the search API's `q`: plain words only. Quotes and `#` have meanings there
 * (phrases, numbers, tags) that the palette does not offer, and a stray quote would be refused.
 */
export function searchTextOf(query: string): string | null {
  let cleaned = '';
  for (const char of query.slice(0, MAX_QUERY_LENGTH))
    cleaned += char === '"' || char === '#' ? ' ' : char;
  const words = cleaned.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  return words.length > 0 ? words.join(' ') : null;
}

export interface ConversationSearch {
  results: ConversationSummaryDto[];
  searching: boolean;
  error: string | null;
}

/**
 * The server's search for what was typed (the feed's own search: number, customer name, email,
 * phone, subject and message text, every status), a moment after typing stops; a newer query
 * cancels the older request.
 */
export function useConversationSearch(query: string): ConversationSearch {
  const [state, setState] = useState<ConversationSearch>({
    results: [],
    searching: false,
    error: null,
  });

  useEffect(() => {
    const number = conversationNumberOf(query);
    const text = number !== null && query.trim().startsWith('#') ? null : searchTextOf(query);
    if (number === null && text === null) {
      setState({ results: [], searching: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, searching: true, error: null }));
    const timer = window.setTimeout(() => {
      const ask = (q: string) =>
        conversationsApi
          .list({ ...ANY, q }, null, LIMIT, controller.signal)
          .then((page) => page.items);
      void Promise.all([number !== null ? ask(`#${number}`) : [], text ? ask(text) : []])
        .then(([byNumber, byText]) => {
          if (!controller.signal.aborted)
            setState({ results: [...byNumber, ...byText], searching: false, error: null });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          const message = errorText(error);
          setState({ results: [], searching: false, error: message });
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return state;
}
