import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useContactCardStore } from './contact-card-store';

const CONTACT = '6a1f0d3c-2b4e-4c5d-8e9f-0a1b2c3d4e5f';
const urls: string[] = [];

beforeEach(() => {
  urls.length = 0;
  vi.useFakeTimers();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(String(url));
      return new Response(JSON.stringify({ items: [], nextCursor: null }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});

afterEach(() => {
  useContactCardStore.getState().reset();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('an open card follows its customer’s conversations', () => {
  it('re-reads the list once after a burst of changes', async () => {
    useContactCardStore.setState({ conversations: { [CONTACT]: { items: [], nextCursor: null } } });
    const store = useContactCardStore.getState();
    store.conversationChanged(CONTACT);
    store.conversationChanged(CONTACT);
    store.conversationChanged(CONTACT);
    expect(urls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(urls.filter((u) => u.includes(`/api/contacts/${CONTACT}/conversations`))).toHaveLength(
      1,
    );
  });

  it('ignores customers whose card is not open', async () => {
    useContactCardStore.getState().conversationChanged(CONTACT);
    await vi.advanceTimersByTimeAsync(500);
    expect(urls).toHaveLength(0);
  });
});
