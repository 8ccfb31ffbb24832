import { parseHashtags } from '@switchboard/contracts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../store/feed-store';
import { searchText } from '../utils/search-text';
import '../../tags/tags.css';

/** Typing pauses this long before the feed reloads. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The feed's search box: `#payment #оплата late` filters to conversations tagged both, whose
 * contact, subject or last message mention "late". A clicked tag chip shows up here as `#tag`.
 */
export function FeedSearch() {
  const q = useFeedStore((s) => s.filters.q);
  const tags = useFeedStore((s) => s.filters.tags);
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

  const apply = (value: string) => {
    clear(timer);
    const parsed = parseHashtags(value);
    const filters = useFeedStore.getState().filters;
    const nextQ = parsed.text || null;
    if (nextQ === filters.q && JSON.stringify(parsed.tags) === JSON.stringify(filters.tags)) return;
    useFeedStore.getState().setFilters({ q: nextQ, tags: parsed.tags });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Letters typed here are text, not the feed's shortcuts.
    event.stopPropagation();
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) apply(text);
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
        dir="auto"
        maxLength={200}
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clear(timer);
          timer.current = setTimeout(() => apply(value), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

function clear(timer: { current: ReturnType<typeof setTimeout> | null }) {
  if (timer.current) clearTimeout(timer.current);
  timer.current = null;
}
