import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, conversationUpdated, fakeFetch } from '../../../test-support/fixtures';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { applyStreamEvent } from '../../realtime/store/stream-actions';
import { useStreamStore } from '../../realtime/store/stream-store';
import { useFeedStore } from './feed-store';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    fakeFetch({ '/api/conversations/counts': () => ({ open: 0, snoozed: 0, closed: 0 }) }),
  );
  useStreamStore.getState().clear();
  useFeedStore.getState().reset();
  useFeedStore.setState({ phase: 'ready' });
  useConversationStore.getState().reset();
});

afterEach(() => vi.unstubAllGlobals());

describe('conversation.deleted (an inbox removed with its history)', () => {
  it('drops the conversation from the feed and closes it where it was open; a replay changes nothing', () => {
    const kept = conversation();
    const gone = conversation();
    applyStreamEvent(conversationUpdated(1, kept));
    applyStreamEvent(conversationUpdated(2, gone));
    useConversationStore.setState({ selectedId: gone.id });
    const deleted = {
      cursor: 3,
      type: 'conversation.deleted' as const,
      conversationId: null,
      at: '2026-03-04T10:00:00.000Z',
      payload: { conversationId: gone.id },
    };
    expect(applyStreamEvent(deleted)).toBe(true);
    expect(useFeedStore.getState().order).toEqual([kept.id]);
    expect(useConversationStore.getState().selectedId).toBeNull();
    expect(useConversationStore.getState().summaries[gone.id]).toBeUndefined();
    expect(applyStreamEvent({ ...deleted, cursor: 4 })).toBe(true);
    expect(useFeedStore.getState().order).toEqual([kept.id]);
  });
});
