import type { InvitationDto, TeamMemberDto } from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { applyStreamEvent } from '../../realtime/store/stream-actions';
import { usePeopleStore } from '../store/people-store';
import { PeoplePanel } from './people-panel';

const member = (id: string, name: string, over: Partial<TeamMemberDto> = {}): TeamMemberDto => ({
  id,
  name,
  email: `${id}@x.test`,
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
  avatarUrl: null,
  presence: 'online',
  active: true,
  ...over,
});

const ADMIN = member('me', 'Anna Admin', { role: 'admin' });
const BOB = member('bob', 'Bob Agent');

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
      if (method === 'GET' && url === '/api/operators') return json([BOB, ADMIN]);
      if (url === '/api/invitations') {
        const invitation: InvitationDto = {
          id: 'inv-1',
          email: 'new@x.test',
          role: 'agent',
          expiresAt: '2026-12-07T00:00:00.000Z',
          acceptUrl: 'http://app.test/accept-invitation#token=secret-token',
        };
        return json(invitation);
      }
      if (url === '/api/operators/bob/deactivate') return json({ ...BOB, active: false });
      if (url === '/api/operators/bob/role') return json({ ...BOB, role: 'admin' });
      return new Response('{}', { status: 404 });
    }),
  );
}

beforeEach(() => {
  useAuthStore.setState({ operator: ADMIN, phase: 'signed_in', csrfToken: 'csrf' });
  usePeopleStore.getState().reset();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PeoplePanel', () => {
  it('lists colleagues with role, status and presence, and invites by showing the link', async () => {
    const calls: Call[] = [];
    stubApi(calls);
    render(<PeoplePanel />);
    const rows = await screen.findAllByTestId('people-row');
    expect(rows.map((r) => r.getAttribute('data-email'))).toEqual(['me@x.test', 'bob@x.test']);
    expect(within(rows[1]!).getByText('Online')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'new@x.test' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Create invitation link' }));
    const link = (await screen.findByTestId('invitation-link')) as HTMLInputElement;
    expect(link.value).toBe('http://app.test/accept-invitation#token=secret-token');
    expect(calls.find((c) => c.url === '/api/invitations')?.body).toEqual({
      email: 'new@x.test',
      role: 'agent',
    });
  });

  it('asks before deactivating, and changes roles', async () => {
    const calls: Call[] = [];
    stubApi(calls);
    render(<PeoplePanel />);
    const bob = (await screen.findAllByTestId('people-row'))[1]!;
    fireEvent.click(within(bob).getByTestId('people-deactivate'));
    expect(calls.some((c) => c.url.endsWith('/deactivate'))).toBe(false);
    fireEvent.click(within(bob).getByTestId('people-deactivate-confirm'));
    expect(await within(bob).findByText('Deactivated')).toBeTruthy();

    fireEvent.change(within(bob).getByLabelText('Role of Bob Agent'), {
      target: { value: 'admin' },
    });
    await vi.waitFor(() =>
      expect(calls.find((c) => c.url === '/api/operators/bob/role')?.body).toEqual({
        role: 'admin',
      }),
    );
  });

  it('shows availability changes live from the stream', async () => {
    stubApi([]);
    render(<PeoplePanel />);
    const bob = (await screen.findAllByTestId('people-row'))[1]!;
    act(() => {
      applyStreamEvent({
        cursor: 1_000_000,
        type: 'operator.updated',
        conversationId: null,
        at: '2026-11-30T00:00:00.000Z',
        payload: { operator: { ...BOB, presence: 'away' } },
      });
    });
    expect(within(bob).getByText('Away')).toBeTruthy();
  });

  it('hides admin controls from agents', async () => {
    useAuthStore.setState({ operator: BOB });
    stubApi([]);
    render(<PeoplePanel />);
    await screen.findAllByTestId('people-row');
    expect(screen.queryByTestId('people-deactivate')).toBeNull();
    expect(screen.queryByText('Invite a colleague')).toBeNull();
  });
});
