import type { ConversationSummaryDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { activityText } from '../../conversation/utils/activity-text';
import { useFeedStore } from '../../feed/store/feed-store';
import { DEFAULT_FILTERS } from '../../feed/store/feed-filters';
import { useTagsStore } from '../store/tags-store';
import { TagEditor } from './tag-editor';

const requests: Array<{ method: string; url: string; body: unknown }> = [];
const base = conversation({ id: 'c-1' });
const withTags = (names: string[]): ConversationSummaryDto => ({
  ...base,
  tags: names.map((name) => ({ id: `t-${name}`, name, color: 'gray' })),
});

beforeEach(() => {
  requests.length = 0;
  useTagsStore.setState({ tags: [], loaded: false, error: null });
  useFeedStore.setState({ filters: DEFAULT_FILTERS });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : null;
      requests.push({ method, url: decodeURIComponent(url), body });
      const json =
        url === '/api/tags'
          ? [{ id: 't-оплата', name: 'оплата', color: 'green', conversationCount: 3 }]
          : url.startsWith('/api/conversations/c-1/tags') && method === 'POST'
            ? withTags(['оплата', (body as { name: string }).name])
            : url.startsWith('/api/conversations/c-1/tags')
              ? withTags([])
              : { items: [], nextCursor: null, open: 0, snoozed: 0, closed: 0 };
      return new Response(JSON.stringify(json), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TagEditor', () => {
  it('offers the account’s tags and adds a new one on Enter', async () => {
    render(<TagEditor conversation={withTags(['оплата'])} />);
    await waitFor(() => expect(useTagsStore.getState().loaded).toBe(true));
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.change(input, { target: { value: '  #دفع ' } });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(requests).toContainEqual({
      method: 'POST',
      url: '/api/conversations/c-1/tags',
      body: { name: 'دفع' },
    });
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
  });

  it('refuses a blank or too long name with the reason, without asking the server', async () => {
    render(<TagEditor conversation={base} />);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('Tag name must not be empty');
    fireEvent.change(input, { target: { value: 'x'.repeat(65) } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/longer than 64/);
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('removes a tag with its × and filters the feed by a clicked chip', async () => {
    render(<TagEditor conversation={withTags(['Оплата'])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show conversations tagged Оплата' }));
    expect(useFeedStore.getState().filters.tags).toEqual(['Оплата']);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove the tag Оплата' }));
    });
    expect(requests).toContainEqual({
      method: 'DELETE',
      url: '/api/conversations/c-1/tags/t-Оплата',
      body: null,
    });
  });
});

describe('tag activities', () => {
  it('say who tagged or untagged the conversation', () => {
    const by = { id: 'o', name: 'Anna' };
    expect(activityText({ type: 'tag_added', by, tag: 'оплата' })).toBe(
      'Anna tagged the conversation #оплата',
    );
    expect(activityText({ type: 'tag_removed', by, tag: 'دفع' })).toBe('Anna removed the tag #دفع');
  });
});
