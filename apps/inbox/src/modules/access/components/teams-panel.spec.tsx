import type { TeamDto, TeamMemberDto } from '@switchboard/contracts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../../auth/store/auth-store';
import { usePeopleStore } from '../../people/store/people-store';
import { useTeamsStore } from '../store/teams-store';
import { TeamsPanel } from './teams-panel';

const BOB: TeamMemberDto = {
  id: 'bob',
  name: 'Bob Agent',
  email: 'bob@x.test',
  role: 'agent',
  timezone: 'UTC',
  locale: 'en',
  avatarUrl: null,
  presence: 'online',
  active: true,
};

interface Call {
  method: string;
  url: string;
  body: unknown;
}

function stubApi(calls: Call[]) {
  let team: TeamDto | null = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : {};
      calls.push({ method, url, body });
      const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200 });
      if (url === '/api/operators') return json([BOB]);
      if (url === '/api/teams' && method === 'GET') return json(team ? [team] : []);
      if (url === '/api/teams' && method === 'POST') {
        team = { id: 't1', name: String(body['name']), memberIds: [], createdAt: '2026-01-01' };
        return json(team);
      }
      if (url === '/api/teams/t1/members' && team) {
        team = { ...team, memberIds: body['operatorIds'] as string[] };
        return json(team);
      }
      return new Response('{}', { status: 404 });
    }),
  );
}

beforeEach(() => {
  useAuthStore.setState({
    operator: {
      id: 'me',
      email: 'a@x.test',
      name: 'Ann',
      role: 'admin',
      timezone: 'UTC',
      locale: 'en',
    },
    phase: 'signed_in',
    csrfToken: 'csrf',
  });
  usePeopleStore.getState().reset();
  useTeamsStore.setState({ teams: [], loading: false, loadError: null });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TeamsPanel', () => {
  it('creates a team and puts an operator in it', async () => {
    const calls: Call[] = [];
    stubApi(calls);
    render(<TeamsPanel />);
    fireEvent.change(screen.getByLabelText('New team name'), { target: { value: '  Billing ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));
    const row = await screen.findByTestId('team-row');
    expect(calls).toContainEqual({ method: 'POST', url: '/api/teams', body: { name: 'Billing' } });

    const members = within(row).getByRole('group', { name: 'Members of Billing' });
    const bob = (await within(members).findByLabelText('Bob Agent')) as HTMLInputElement;
    fireEvent.click(bob);
    expect(bob.checked).toBe(true);
    await vi.waitFor(() =>
      expect(calls).toContainEqual({
        method: 'PUT',
        url: '/api/teams/t1/members',
        body: { operatorIds: ['bob'] },
      }),
    );
    expect(useTeamsStore.getState().teams[0]?.memberIds).toEqual(['bob']);
  });
});
