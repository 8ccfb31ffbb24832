import type { TagDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTagsStore } from '../store/tags-store';
import { TagsAdminPanel } from './tags-admin-panel';

const requests: Array<{ method: string; url: string; body: unknown }> = [];
const tags: TagDto[] = [
  { id: 't-1', name: 'Оплата', color: 'gray', conversationCount: 2 },
  { id: 't-2', name: 'دفع', color: 'green', conversationCount: 1 },
];

beforeEach(() => {
  requests.length = 0;
  useTagsStore.setState({ tags: [], loaded: false, error: null });
  vi.stubGlobal('confirm', () => true);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : null;
      requests.push({ method, url: decodeURIComponent(url), body });
      if (method === 'DELETE') return new Response(null, { status: 204 });
      return new Response(JSON.stringify(method === 'GET' ? tags : tags[1]), {
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

const changes = () => requests.filter((r) => r.method !== 'GET');

describe('TagsAdminPanel', () => {
  it('lists the tags with their conversation counts', async () => {
    render(<TagsAdminPanel readOnly={false} />);
    await waitFor(() => expect(screen.getAllByTestId('tags-admin-row')).toHaveLength(2));
    expect(screen.getByText('2 conversations')).toBeTruthy();
    expect(screen.getByText('1 conversation')).toBeTruthy();
  });

  it('renames, recolours, merges and deletes', async () => {
    render(<TagsAdminPanel readOnly={false} />);
    await waitFor(() => expect(screen.getAllByTestId('tags-admin-row')).toHaveLength(2));
    const name = screen.getByRole('textbox', { name: 'Name of the tag Оплата' });
    fireEvent.change(name, { target: { value: ' Платёж ' } });
    await act(async () => {
      fireEvent.keyDown(name, { key: 'Enter' });
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Colour of the tag Оплата' }), {
      target: { value: 'red' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Merge the tag Оплата into' }), {
      target: { value: 't-2' },
    });
    const [merge] = screen.getAllByRole('button', { name: 'Merge' });
    await act(async () => {
      fireEvent.click(merge as HTMLElement);
    });
    const [remove] = screen.getAllByRole('button', { name: 'Delete' });
    await act(async () => {
      fireEvent.click(remove as HTMLElement);
    });
    await waitFor(() =>
      expect(changes()).toEqual([
        { method: 'PATCH', url: '/api/tags/t-1', body: { name: 'Платёж' } },
        { method: 'PATCH', url: '/api/tags/t-1', body: { color: 'red' } },
        { method: 'POST', url: '/api/tags/t-1/merge', body: { targetId: 't-2' } },
        { method: 'DELETE', url: '/api/tags/t-1', body: null },
      ]),
    );
  });

  it('refuses a blank name without asking the server, and shows agents the list only', async () => {
    const { unmount } = render(<TagsAdminPanel readOnly={false} />);
    await waitFor(() => expect(screen.getAllByTestId('tags-admin-row')).toHaveLength(2));
    const name = screen.getByRole('textbox', { name: 'Name of the tag دفع' });
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('Tag name must not be empty');
    expect(changes()).toEqual([]);
    unmount();
    render(<TagsAdminPanel readOnly />);
    await waitFor(() => expect(screen.getAllByTestId('tags-admin-row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
