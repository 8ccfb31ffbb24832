import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../test-support/fixtures';
import { useFeedStore } from '../../feed/store/feed-store';
import { useSavedViewsStore } from '../store/saved-views-store';
import { useLiveViewCounts, VIEW_COUNTS_COALESCE_MS } from './use-live-view-counts';

function Harness() {
  useLiveViewCounts();
  return null;
}

describe('saved views counts', () => {
  let asked: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    asked = [];
    useFeedStore.getState().reset();
    useSavedViewsStore.getState().reset();
    const record = (url: URL) => asked.push(url.pathname);
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/views': (url) => (record(url), []),
        '/api/views/counts': (url) => (record(url), { counts: {} }),
        '/api/conversations': (url) => (record(url), { items: [], nextCursor: null }),
        '/api/conversations/counts': (url) => (
          record(url),
          { open: 0, snoozed: 0, closed: 0, nextSnoozeDueInMs: null }
        ),
      }),
    );
  });
  afterEach(() => {
    cleanup();
    useFeedStore.getState().reset();
    vi.useRealTimers();
  });

  it('look again when a snooze falls due, as the feed does', async () => {
    useFeedStore.setState({ phase: 'ready' });
    render(<Harness />);
    await vi.advanceTimersByTimeAsync(VIEW_COUNTS_COALESCE_MS * 2);
    asked = [];

    await useFeedStore.getState().lookAtDueSnoozes();
    await vi.advanceTimersByTimeAsync(VIEW_COUNTS_COALESCE_MS + 10);
    expect(asked).toContain('/api/views/counts');
  });
});
