import { MAX_SEARCH_LENGTH, parseHashtags } from '@switchboard/contracts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { SearchDates } from '../../search/components/search-dates';
import { useOpenAtMessage } from '../../search/hooks/use-open-at-message';
import { openSearchResult } from '../../search/store/search-commands';
import { useSearchFocusStore } from '../../search/store/search-focus-store';
import { isHistorySearch } from '../../search/utils/search-mode';
import type { FeedFilters } from '../store/feed-filters';
import { useFeedStore } from '../store/feed-store';
import { searchText } from '../utils/search-text';
import '../../tags/tags.css';
import '../../search/components/search.css';

/** Typing pauses this long before the feed reloads. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The filters for the box's text: searching words (or `#1042`) looks at every status, and the
 * status tab before it comes back when the search ends.
 */
function searchFilters(
  filters: FeedFilters,
  q: string | null,
  tags: string[],
): Partial<FeedFilters> {
  const focus = useSearchFocusStore.getState();
  if (isHistorySearch(q)) {
    if (filters.status === 'all') return { q, tags };
    focus.rememberStatus(filters.status);
    return { q, tags, status: 'all' };
  }
  const before = focus.statusBeforeSearch;
  focus.rememberStatus(null);
  return before && filters.status === 'all' ? { q, tags, status: before } : { q, tags };
}

/**
 * The feed's search box: words in any script search all history (messages, notes, names, emails,
 * phones, subjects) across every status, `"a phrase"` in order, `#1042` a conversation, and
 * `#payment #оплата` filter by tags. A clicked tag chip shows up here as `#tag`.
 */
export function FeedSearch() {
  const q = useFeedStore((s) => s.filters.q);
  const tags = useFeedStore((s) => s.filters.tags);
  const error = useFeedStore((s) => (s.filters.q && s.phase === 'error' ? s.error : null));
  useOpenAtMessage();
  const [text, setText] = useState(() => searchText(q, tags));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A filter changed elsewhere (a tag chip clicked): show it, unless the box already means it.
  useEffect(() => {
    setText((current) => {
      const parsed = parseHashtags(current);
      const same =
        (parsed.text || null) === q && JSON.stringify(parsed.tags) === JSON.stringify(tags);
      return same ? current : searchText(q, tags);
    });
  }, [q, tags]);

  useEffect(() => () => clear(timer), []);

  const apply = (value: string, open = false) => {
    clear(timer);
    const parsed = parseHashtags(value);
    const filters = useFeedStore.getState().filters;
    const nextQ = parsed.text || null;
    if (nextQ === filters.q && JSON.stringify(parsed.tags) === JSON.stringify(filters.tags)) {
      // Enter on a search already shown opens its first result at the matching message.
      const first = useFeedStore.getState().byId[useFeedStore.getState().order[0] ?? ''];
      if (open && first?.match) openSearchResult(first);
      return;
    }
    useFeedStore.getState().setFilters(searchFilters(filters, nextQ, parsed.tags));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Letters typed here are text, not the feed's shortcuts.
    event.stopPropagation();
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) apply(text, true);
    if (event.key === 'Escape' && text) {
      setText('');
      apply('');
    }
  };

  return (
    <div className="feed-search" role="search">
      <input
        type="search"
        className="input feed-search__input"
        data-testid="feed-search"
        aria-label={t('feed.search.label')}
        placeholder={t('feed.search.placeholder')}
        title={t('search.hint')}
        dir="auto"
        maxLength={MAX_SEARCH_LENGTH}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'feed-search-error' : undefined}
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clear(timer);
          timer.current = setTimeout(() => apply(value), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p
          id="feed-search-error"
          className="feed-search__error"
          role="alert"
          data-testid="search-error"
        >
          {t('search.error', { message: error })}
        </p>
      )}
      {isHistorySearch(q) && <SearchDates />}
    </div>
  );
}

function clear(timer: { current: ReturnType<typeof setTimeout> | null }) {
  if (timer.current) clearTimeout(timer.current);
  timer.current = null;
}
