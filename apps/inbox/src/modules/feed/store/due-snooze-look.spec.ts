import type { ConversationCountsDto, ConversationSummaryDto } from '@switchboard/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, fakeFetch } from '../../../test-support/fixtures';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useStreamStore } from '../../realtime/store/stream-store';
import { useFeedStore } from './feed-store';

const at = (minute: number) => `2026-03-04T10:${String(minute).padStart(2, '0')}:00.000Z`;
const counts = (nextSnoozeDueInMs: number | null): ConversationCountsDto => ({
  open: 4,
  snoozed: 1,
  closed: 0,
  nextSnoozeDueInMs,
});

/**
 * The API serves a due snooze as open before the sweeper writes it (and so before its event):
 * an inbox left open looks again when the counts said the next snooze falls due.
 */
describe('the feed looks again when a snooze falls due', () => {
  let calls: { path: string; cursor: string | null; status: string | null }[];

  beforeEach(() => {
    vi.useFakeTimers();
    calls = [];
    useStreamStore.getState().clear();
    useFeedStore.getState().reset();
  });
  afterEach(() => {
    useFeedStore.getState().reset();
    vi.useRealTimers();
  });

  function serve(
    pages: (url: URL) => unknown,
    nextDue: () => number | null,
    more: Record<string, (url: URL) => unknown> = {},
  ) {
    const record = (url: URL) =>
      calls.push({
        path: url.pathname,
        cursor: url.searchParams.get('cursor'),
        status: url.searchParams.get('status'),
      });
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/conversations': (url) => (record(url), pages(url)),
        '/api/conversations/counts': (url) => (record(url), counts(nextDue())),
        ...more,
      }),
    );
  }

  it('puts the woken conversation on top of the open feed and keeps the pages scrolled', async () => {
    const rows = [1, 2, 3, 4].map((m) => conversation({ lastActivityAt: at(9 - m) }));
    const woken = conversation({ lastActivityAt: at(30) });
    let due = false;
    serve(
      (url) =>
        url.searchParams.get('cursor')
          ? { items: rows.slice(2), nextCursor: null }
          : { items: due ? [woken, ...rows.slice(0, 2)] : rows.slice(0, 2), nextCursor: 'p2' },
      () => (due ? null : 1_000),
    );
    const feed = useFeedStore.getState();
    await feed.loadFirstPage();
    await feed.loadMore();
    await feed.refreshCounts();
    calls = [];

    await vi.advanceTimersByTimeAsync(900);
    expect(calls).toEqual([]);
    due = true;
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual(
      expect.arrayContaining([
        { path: '/api/conversations', cursor: null, status: 'open' },
        { path: '/api/conversations/counts', cursor: null, status: null },
      ]),
    );
    expect(useFeedStore.getState().order).toEqual([woken.id, ...rows.map((r) => r.id)]);
    expect(useFeedStore.getState().counts?.nextSnoozeDueInMs).toBeNull();

    // The newest counts said nothing else is due: no more looks.
    calls = [];
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(calls).toEqual([]);
  });

  it('drops it from the snoozed tab', async () => {
    const soon = conversation({ status: 'snoozed', snoozedUntil: at(30) });
    const later = conversation({ status: 'snoozed', snoozedUntil: at(50) });
    let due = false;
    serve(
      () => ({ items: due ? [later] : [soon, later], nextCursor: null }),
      () => (due ? 1_200_000 : 500),
    );
    useFeedStore.getState().setFilters({ status: 'snoozed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(useFeedStore.getState().order).toEqual([soon.id, later.id].sort().reverse());

    due = true;
    await vi.advanceTimersByTimeAsync(600);
    expect(useFeedStore.getState().order).toEqual([later.id]);
    // The next look waits for the later snooze.
    calls = [];
    await vi.advanceTimersByTimeAsync(1_100_000);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(calls.map((c) => c.path)).toContain('/api/conversations');
  });

  it('turns the open pane of a snoozed conversation open', async () => {
    const snoozed = conversation({ status: 'snoozed', snoozedUntil: at(30) });
    const open = conversation({ id: snoozed.id, status: 'open', lastActivityAt: at(30) });
    let due = false;
    serve(
      () => ({ items: due ? [open] : [], nextCursor: null }),
      () => (due ? null : 800),
      { [`/api/conversations/${snoozed.id}`]: () => (due ? open : snoozed) },
    );
    useConversationStore.setState({
      selectedId: snoozed.id,
      summaries: { [snoozed.id]: snoozed },
    });
    await useFeedStore.getState().loadFirstPage();
    await useFeedStore.getState().refreshCounts();

    due = true;
    await vi.advanceTimersByTimeAsync(900);
    expect(useConversationStore.getState().summaries[snoozed.id]).toMatchObject({
      status: 'open',
      snoozedUntil: null,
    });
    expect(useFeedStore.getState().order).toEqual([snoozed.id]);
    useConversationStore.getState().reset();
  });

  it('forgets the look on sign-out', async () => {
    serve(
      () => ({ items: [] as ConversationSummaryDto[], nextCursor: null }),
      () => 1_000,
    );
    await useFeedStore.getState().refreshCounts();
    useFeedStore.getState().reset();
    calls = [];
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual([]);
  });
});
