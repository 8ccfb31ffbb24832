import type { TeamMemberDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { useAuthStore } from '../../auth/store/auth-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { usePeopleStore } from '../../people/store/people-store';
import { useAssignPickerStore } from '../store/assign-picker-store';
import { useListSelectionStore } from '../store/list-selection-store';
import { AssigneePicker } from './assignee-picker';

const member = (id: string, name: string, active = true): TeamMemberDto => ({
  id,
  name,
  email: `${id}@x.test`,
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
  avatarUrl: null,
  presence: 'online',
  active,
});
const ME = member('me', 'Anna Admin');
const PEOPLE = [ME, member('bob', 'Bob Agent'), member('zed', 'Zed Gone', false)];

interface Call {
  method: string;
  url: string;
  body: unknown;
}

function stubApi(calls: Call[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? (JSON.parse(init.body as string) as unknown) : undefined;
      calls.push({ method, url, body });
      const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200 });
      if (url === '/api/operators') return json(PEOPLE);
      if (url === '/api/teams')
        return json([
          { id: 't-1', name: 'Billing', memberIds: [], createdAt: '2026-01-01T00:00:00Z' },
        ]);
      if (url.startsWith('/api/conversations/counts'))
        return json({ open: 0, snoozed: 0, closed: 0 });
      const { conversationIds, assigneeId, teamId } = (body ?? {}) as {
        conversationIds?: string[];
        assigneeId?: string | null;
        teamId?: string | null;
      };
      if (url === '/api/conversations/assign')
        return json({
          conversations: (conversationIds ?? []).map((id) =>
            conversation({ id, assigneeId: assigneeId ?? null, assigneeTeamId: teamId ?? null }),
          ),
        });
      const single = /^\/api\/conversations\/([^/]+)\/assign$/.exec(url);
      if (single) return json(conversation({ id: single[1], assigneeId: assigneeId ?? null }));
      return new Response('{}', { status: 404 });
    }),
  );
}

beforeEach(() => {
  useAuthStore.setState({ operator: ME, phase: 'signed_in', csrfToken: 'csrf' });
  usePeopleStore.getState().reset();
  useFeedStore.getState().reset();
  useListSelectionStore.getState().clear();
  useAssignPickerStore.getState().close();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const typeAndEnter = async (text: string) => {
  const input = screen.getByTestId('assignee-search');
  fireEvent.change(input, { target: { value: text } });
  await act(async () => {
    fireEvent.keyDown(input, { key: 'Enter' });
  });
};

describe('AssigneePicker', () => {
  it('narrows active operators as one types and assigns the selection in one request', async () => {
    const calls: Call[] = [];
    stubApi(calls);
    useListSelectionStore.setState({ ids: ['c-1', 'c-2'] });
    act(() => useAssignPickerStore.getState().open(['c-1', 'c-2']));
    render(<AssigneePicker />);
    await screen.findByText('Bob Agent');
    expect(screen.getAllByTestId('assignee-option').map((o) => o.textContent)).toEqual([
      'Anna Admin (you)',
      'Bob Agent',
      'Team Billing',
      'Unassigned',
      'No team',
    ]);
    fireEvent.change(screen.getByTestId('assignee-search'), { target: { value: 'bo' } });
    expect(screen.getAllByTestId('assignee-option').map((o) => o.textContent)).toEqual([
      'Bob Agent',
    ]);
    await typeAndEnter('bo');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        url: '/api/conversations/assign',
        body: { conversationIds: ['c-1', 'c-2'], assigneeId: 'bob' },
      },
    ]);
    expect(useAssignPickerStore.getState().targets).toBeNull();
    expect(useListSelectionStore.getState().ids).toEqual([]);
    expect(useFeedStore.getState().byId['c-1']?.assigneeId).toBe('bob');
  });

  it('moves with the arrows, unassigns, and leaves on Escape without a request', async () => {
    const calls: Call[] = [];
    stubApi(calls);
    act(() => useAssignPickerStore.getState().open(['c-9']));
    render(<AssigneePicker />);
    await screen.findByText('Team Billing');
    const input = screen.getByTestId('assignee-search');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    const selected = screen
      .getAllByTestId('assignee-option')
      .find((o) => o.getAttribute('aria-selected') === 'true');
    expect(selected?.textContent).toBe('No team');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', url: '/api/conversations/c-9/assign', body: { assigneeId: null } },
    ]);

    act(() => useAssignPickerStore.getState().open(['c-9']));
    fireEvent.keyDown(screen.getByTestId('assignee-search'), { key: 'Escape' });
    expect(useAssignPickerStore.getState().targets).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('assigns a team to one conversation without touching its operator', async () => {
    const calls: Call[] = [];
    stubApi(calls);
    act(() => useAssignPickerStore.getState().open(['c-5']));
    render(<AssigneePicker />);
    await screen.findByText('Team Billing');
    await typeAndEnter('bill');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        url: '/api/conversations/assign',
        body: { conversationIds: ['c-5'], teamId: 't-1' },
      },
    ]);
    expect(useFeedStore.getState().byId['c-5']?.assigneeTeamId).toBe('t-1');
  });
});
