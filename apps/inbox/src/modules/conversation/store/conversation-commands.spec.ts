import type { ConversationSummaryDto } from '@switchboard/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, conversationUpdated, fakeFetch } from '../../../test-support/fixtures';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { applyStreamEvent } from '../../realtime/store/stream-actions';
import { useStreamStore } from '../../realtime/store/stream-store';
import { closeConversation, stepSelection } from './conversation-commands';
import { useConversationStore } from './conversation-store';
import { resetPendingStatuses } from './pending-status';

const rows = [
  conversation({ id: 'a', lastActivityAt: '2026-01-01T10:03:00.000Z' }),
  conversation({ id: 'b', lastActivityAt: '2026-01-01T10:02:00.000Z' }),
  conversation({ id: 'c', lastActivityAt: '2026-01-01T10:01:00.000Z' }),
];
const emptyPage = { items: [], nextCursor: null };

function seedFeed(items: ConversationSummaryDto[]) {
  useFeedStore.getState().reset();
  for (const item of items) useFeedStore.getState().applySnapshot(item, -1);
}

beforeEach(() => {
  resetPendingStatuses();
  useStreamStore.getState().clear();
  useConversationStore.getState().reset();
  useToastStore.setState({ toasts: [] });
  seedFeed(rows);
});

describe('conversation commands', () => {
  it('steps through the feed with next / previous and stays at the ends', () => {
    vi.stubGlobal('fetch', fakeFetch({}));
    stepSelection(1);
    expect(useConversationStore.getState().selectedId).toBe('a');
    stepSelection(1);
    stepSelection(1);
    stepSelection(1);
    expect(useConversationStore.getState().selectedId).toBe('c');
    stepSelection(-1);
    expect(useConversationStore.getState().selectedId).toBe('b');
  });

  it('closing removes the row at once and opens the next conversation', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/conversations/b/close': async () => {
          await gate;
          return { ...rows[1], status: 'closed' };
        },
        '/api/conversations/counts': () => ({ open: 2, snoozed: 0, closed: 1 }),
        '/api/conversations/c': () => rows[2],
        '/api/conversations/c/messages': () => emptyPage,
      }),
    );
    useConversationStore.setState({ selectedId: 'b' });
    const closing = closeConversation('b');
    // Before the server answers, the feed already moved on.
    expect(useFeedStore.getState().order).toEqual(['a', 'c']);
    expect(useConversationStore.getState().selectedId).toBe('c');
    release();
    await closing;
    expect(useFeedStore.getState().order).toEqual(['a', 'c']);
  });

  it('puts the row back with a visible reason when the server refuses', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ code: 'INVALID_STATE', message: 'Already closed' }), {
            status: 409,
          }),
      ),
    );
    await closeConversation('a');
    expect(useFeedStore.getState().order).toEqual(['a', 'b', 'c']);
    expect(useToastStore.getState().toasts[0]?.text).toBe('Could not close: Already closed');
  });
});

describe('optimistic status against late stream events', () => {
  it('keeps a closed row closed when an older event for it arrives after the close', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/conversations/a/close': () => ({ ...rows[0], status: 'closed' }),
        '/api/conversations/counts': () => ({ open: 2, snoozed: 0, closed: 1 }),
      }),
    );
    await closeConversation('a');
    // Committed before the close, delivered after its REST answer: must not bring the row back.
    applyStreamEvent(
      conversationUpdated(1, { ...(rows[0] as ConversationSummaryDto), unreadCount: 0 }),
    );
    expect(useFeedStore.getState().order).toEqual(['b', 'c']);
    // The close itself arrives; later changes (the customer reopens it) apply normally again.
    applyStreamEvent(
      conversationUpdated(2, { ...(rows[0] as ConversationSummaryDto), status: 'closed' }),
    );
    applyStreamEvent(
      conversationUpdated(3, {
        ...(rows[0] as ConversationSummaryDto),
        lastActivityAt: '2026-01-01T11:00:00.000Z',
      }),
    );
    expect(useFeedStore.getState().order).toEqual(['a', 'b', 'c']);
  });
});
