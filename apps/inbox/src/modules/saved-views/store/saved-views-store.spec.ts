import type { SavedViewDto } from '@switchboard/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSavedViewsStore } from './saved-views-store';

const view = (id: string, pinned = true): SavedViewDto => ({
  id,
  name: `View ${id}`,
  shared: false,
  ownerOperatorId: 'me',
  ownerName: 'Me',
  editable: true,
  pinned,
  position: 0,
  query: { status: 'open', assignee: 'all' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

let calls: string[] = [];
let counts: Record<string, number> = {};
let list: SavedViewDto[] = [];
let release: (() => void) | null = null;

beforeEach(() => {
  calls = [];
  counts = { a: 1 };
  list = [view('a')];
  useSavedViewsStore.setState({ views: [view('a')], counts: {} });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      if (url.endsWith('/counts')) await new Promise<void>((resolve) => (release = resolve));
      const body = url.endsWith('/counts') ? { counts: { ...counts } } : list;
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

async function settle() {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
    release?.();
    release = null;
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('saved views store', () => {
  it('folds refreshes asked for during a request into one more request', async () => {
    const first = useSavedViewsStore.getState().refreshCounts();
    for (let i = 0; i < 5; i++) void useSavedViewsStore.getState().refreshCounts();
    counts = { a: 7 };
    await settle();
    await first;
    expect(calls.filter((u) => u.endsWith('/counts'))).toHaveLength(2);
    expect(useSavedViewsStore.getState().counts).toEqual({ a: 7 });
  });

  it('takes the list again when the counts name views it does not show', async () => {
    counts = { a: 1, b: 2 };
    list = [view('a'), view('b')];
    const done = useSavedViewsStore.getState().refreshCounts();
    await settle();
    await done;
    expect(calls.filter((u) => u.endsWith('/api/views'))).toHaveLength(1);
    expect(useSavedViewsStore.getState().views.map((v) => v.id)).toEqual(['a', 'b']);
  });
});
