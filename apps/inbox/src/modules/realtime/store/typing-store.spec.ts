import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_TTL_MS, useTypingStore } from './typing-store';

const signal = (typing: boolean) => ({
  conversationId: 'c-1',
  typing,
  actor: { type: 'contact' as const, id: 'k-1', name: 'Zoë' },
});

beforeEach(() => {
  vi.useFakeTimers();
  useTypingStore.getState().reset();
});
afterEach(() => vi.useRealTimers());

describe('typing store', () => {
  it('shows who types until they stop', () => {
    useTypingStore.getState().receive(signal(true));
    expect(useTypingStore.getState().byConversation['c-1']).toEqual({
      name: 'Zoë',
      kind: 'contact',
    });
    useTypingStore.getState().receive(signal(false));
    expect(useTypingStore.getState().byConversation).toEqual({});
  });

  it('forgets a typist that went silent, unless they keep typing', () => {
    useTypingStore.getState().receive(signal(true));
    vi.advanceTimersByTime(TYPING_TTL_MS - 1000);
    useTypingStore.getState().receive(signal(true));
    vi.advanceTimersByTime(TYPING_TTL_MS - 1000);
    expect(useTypingStore.getState().byConversation['c-1']).toBeDefined();
    vi.advanceTimersByTime(1000);
    expect(useTypingStore.getState().byConversation).toEqual({});
  });
});
