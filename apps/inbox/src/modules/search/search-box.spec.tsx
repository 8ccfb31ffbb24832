import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedSearch } from '../feed/components/feed-search';
import { DEFAULT_FILTERS } from '../feed/store/feed-filters';
import { useFeedStore } from '../feed/store/feed-store';
import { SearchSnippet } from './components/search-snippet';
import { isHistorySearch } from './utils/search-mode';

const urls: string[] = [];
let answer: { status: number; body: unknown } = {
  status: 200,
  body: { items: [], nextCursor: null },
};

beforeEach(() => {
  urls.length = 0;
  answer = { status: 200, body: { items: [], nextCursor: null } };
  vi.useFakeTimers();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(decodeURIComponent(url));
      const counts = url.includes('/counts');
      return new Response(
        JSON.stringify(counts ? { open: 0, snoozed: 0, closed: 0 } : answer.body),
        { status: counts ? 200 : answer.status, headers: { 'content-type': 'application/json' } },
      );
    }),
  );
  useFeedStore.setState({ filters: DEFAULT_FILTERS });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const type = async (text: string) => {
  const box = screen.getByRole('searchbox', { name: /search conversations/i });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter' });
  await act(async () => {
    await vi.runAllTimersAsync();
  });
};

describe('search over all history in the feed', () => {
  it('counts words, phrases, #numbers and broken text as a history search; #tags alone not', () => {
    expect(isHistorySearch('счёт')).toBe(true);
    expect(isHistorySearch('"exact words"')).toBe(true);
    expect(isHistorySearch('#1042')).toBe(true);
    expect(isHistorySearch('"unclosed')).toBe(true);
    expect(isHistorySearch('!!!')).toBe(false);
    expect(isHistorySearch(null)).toBe(false);
  });

  it('searches every status while words are in the box, and brings the tab back after', async () => {
    useFeedStore.setState({ filters: { ...DEFAULT_FILTERS, status: 'closed' } });
    render(<FeedSearch />);
    await type('поръчка #оплата');
    expect(useFeedStore.getState().filters).toMatchObject({
      status: 'all',
      q: 'поръчка',
      tags: ['оплата'],
    });
    expect(urls.some((u) => u.includes('status=all') && u.includes('q=поръчка'))).toBe(true);
    expect(screen.getByTestId('search-from')).toBeTruthy();
    await type('');
    expect(useFeedStore.getState().filters).toMatchObject({ status: 'closed', q: null });
    expect(screen.queryByTestId('search-from')).toBeNull();
  });

  it('shows the reason of a refused search under the box', async () => {
    answer = {
      status: 400,
      body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'q: Unbalanced quote' },
    };
    render(<FeedSearch />);
    await type('"счёт');
    expect(screen.getByRole('alert').textContent).toContain('Unbalanced quote');
  });

  it('renders the snippet as text with the matching words in <mark>, never as HTML', () => {
    const { container } = render(
      <SearchSnippet
        match={{
          messageId: 'm1',
          at: '2025-11-30T10:00:00.000Z',
          snippet: [
            { text: '<img src=x onerror=alert(1)> Пришлите ', highlight: false },
            { text: 'счета', highlight: true },
          ],
        }}
      />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['счета']);
    expect(container.querySelector('img')).toBeNull();
  });
});
