import type { ConversationSummaryDto, Page } from '@switchboard/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, conversationUpdated, fakeFetch } from '../../../test-support/fixtures';
import { applyStreamEvent } from '../../realtime/store/stream-actions';
import { useStreamStore } from '../../realtime/store/stream-store';
import { useFeedStore } from './feed-store';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  useStreamStore.getState().clear();
  useFeedStore.getState().reset();
});

describe('feed store', () => {
  it('merges keyset pages without duplicates, newest activity first', async () => {
    const rows = Array.from({ length: 4 }, (_, i) =>
      conversation({ lastActivityAt: `2026-03-04T10:0${9 - i}:00.000Z` }),
    );
    const pages: Record<string, Page<ConversationSummaryDto>> = {
      first: { items: rows.slice(0, 2), nextCursor: 'p2' },
      // The second page repeats a row (it moved while we scrolled); it must appear once.
      p2: { items: [rows[1] as ConversationSummaryDto, ...rows.slice(2)], nextCursor: null },
    };
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/conversations': (url) => {
          seen.push(url.searchParams.get('status'));
          return pages[url.searchParams.get('cursor') ?? 'first'];
        },
      }),
    );
    await useFeedStore.getState().loadFirstPage();
    expect(useFeedStore.getState().hasMore).toBe(true);
    await useFeedStore.getState().loadMore();
    const state = useFeedStore.getState();
    expect(state.order).toEqual(rows.map((r) => r.id));
    expect(state.hasMore).toBe(false);
    expect(seen).toEqual(['open', 'open']);
  });

  it('appends older pages and keeps a live update above them', async () => {
    const rows = Array.from({ length: 6 }, (_, i) =>
      conversation({ lastActivityAt: `2026-03-04T10:0${9 - i}:00.000Z` }),
    );
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/conversations': (url) =>
          url.searchParams.get('cursor')
            ? { items: rows.slice(3), nextCursor: null }
            : { items: rows.slice(0, 3), nextCursor: 'p2' },
      }),
    );
    await useFeedStore.getState().loadFirstPage();
    const fresh = conversation({ lastActivityAt: '2026-03-04T11:00:00.000Z' });
    applyStreamEvent(conversationUpdated(1, fresh));
    await useFeedStore.getState().loadMore();
    expect(useFeedStore.getState().order).toEqual([fresh.id, ...rows.map((r) => r.id)]);
  });

  it('keeps what the stream said while a page was in flight', async () => {
    const stale = conversation({ lastMessagePreview: 'old' });
    const gone = conversation();
    const response = deferred<Page<ConversationSummaryDto>>();
    vi.stubGlobal('fetch', fakeFetch({ '/api/conversations': () => response.promise }));
    useStreamStore.getState().advance(10);

    const loading = useFeedStore.getState().loadFirstPage();
    // While the request is out: one conversation gets a new message, another is closed.
    applyStreamEvent(
      conversationUpdated(11, {
        ...stale,
        lastMessagePreview: 'new',
        lastActivityAt: '2026-03-04T11:00:00.000Z',
      }),
    );
    applyStreamEvent(conversationUpdated(12, { ...gone, status: 'closed' }));
    response.resolve({ items: [stale, gone], nextCursor: null });
    await loading;

    const state = useFeedStore.getState();
    expect(state.order).toEqual([stale.id]);
    expect(state.byId[stale.id]?.lastMessagePreview).toBe('new');
  });

  it('drops responses for filters the operator already left', async () => {
    const open = conversation();
    const first = deferred<Page<ConversationSummaryDto>>();
    let calls = 0;
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/conversations': () =>
          ++calls === 1 ? first.promise : { items: [], nextCursor: null },
        '/api/conversations/counts': () => ({ open: 1, snoozed: 0, closed: 0 }),
      }),
    );
    const loading = useFeedStore.getState().loadFirstPage();
    useFeedStore.getState().setFilters({ status: 'closed' });
    first.resolve({ items: [open], nextCursor: null });
    await loading;
    await new Promise((r) => setTimeout(r, 0));
    expect(useFeedStore.getState().order).toEqual([]);
  });

  it('ignores a REST snapshot older than the last event for that conversation', () => {
    const c = conversation();
    useFeedStore.getState().applyEvent({ ...c, status: 'closed' }, 7);
    useFeedStore.getState().applySnapshot(c, 6);
    expect(useFeedStore.getState().order).toEqual([]);
    useFeedStore.getState().applySnapshot(c, 7);
    expect(useFeedStore.getState().order).toEqual([c.id]);
  });
});
