import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFeedStore } from '../store/feed-store';
import { DEFAULT_FILTERS } from '../store/feed-filters';
import { filterByTag } from '../../tags/store/tag-commands';
import { FeedSearch } from './feed-search';

const urls: string[] = [];

beforeEach(() => {
  urls.length = 0;
  vi.useFakeTimers();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(decodeURIComponent(url));
      const body = url.includes('/counts')
        ? { open: 0, snoozed: 0, closed: 0 }
        : { items: [], nextCursor: null };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  useFeedStore.setState({ filters: DEFAULT_FILTERS });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('FeedSearch', () => {
  it('turns #tags in any script into tag filters and the rest into text', async () => {
    render(<FeedSearch />);
    const box = screen.getByRole('searchbox', { name: /search conversations/i });
    fireEvent.change(box, { target: { value: '#оплата late #دفع #поръчка' } });
    expect(useFeedStore.getState().filters.tags).toEqual([]);
    await act(async () => {
      vi.advanceTimersByTime(300);
    });
    expect(useFeedStore.getState().filters).toMatchObject({
      q: 'late',
      tags: ['оплата', 'دفع', 'поръчка'],
    });
    const list = urls.find((u) => u.startsWith('/api/conversations?'));
    expect(list).toContain('tag=оплата&tag=دفع&tag=поръчка');
    expect(list).toContain('q=late');
  });

  it('applies at once on Enter, and Escape clears the filter', async () => {
    render(<FeedSearch />);
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: '#Payment' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(useFeedStore.getState().filters.tags).toEqual(['Payment']);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(useFeedStore.getState().filters).toMatchObject({ q: null, tags: [] });
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('shows a tag chip clicked elsewhere as #tag in the box', async () => {
    render(<FeedSearch />);
    act(() => filterByTag('دفع'));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('#دفع');
    expect(useFeedStore.getState().filters.tags).toEqual(['دفع']);
  });
});
