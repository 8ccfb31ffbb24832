import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../../../shared/api/http-client';
import { useAuthStore } from './auth-store';

const operator = {
  id: 'op-1',
  email: 'anna@example.test',
  name: 'Anna',
  role: 'admin' as const,
  timezone: 'UTC',
  locale: 'en',
};
const session = { operator, csrfToken: 'csrf-abc', expiresAt: '2030-01-01T00:00:00.000Z' };

type Call = [string, RequestInit];

beforeEach(() => {
  localStorage.clear();
  useAuthStore.setState({ csrfToken: null, operator: null, phase: 'restoring' });
});

afterEach(() => vi.unstubAllGlobals());

describe('auth store: the session is the browser’s HttpOnly cookie', () => {
  it('signs in for a cookie session and keeps nothing of it in storage', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(session), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    localStorage.setItem('switchboard.token', 'left-by-an-older-version');
    await useAuthStore.getState().restore();
    await useAuthStore.getState().login('anna@example.test', 'secret-password');

    const [, init] = fetchMock.mock.calls[1] as unknown as Call;
    expect(JSON.parse(String(init.body))).toEqual({
      email: 'anna@example.test',
      password: 'secret-password',
      session: 'cookie',
    });
    expect(useAuthStore.getState()).toMatchObject({ phase: 'signed_in', csrfToken: 'csrf-abc' });
    expect({ ...localStorage }).toEqual({});
  });

  it('sends the CSRF token with changes only, and never an Authorization header', async () => {
    useAuthStore.setState({ csrfToken: 'csrf-abc', operator, phase: 'signed_in' });
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('GET', '/api/conversations');
    await apiRequest('POST', '/api/conversations/x/close');
    const [read, change] = fetchMock.mock.calls as unknown as Call[];
    expect(read![1].headers).not.toHaveProperty('X-CSRF-Token');
    expect(change![1].headers).toMatchObject({ 'X-CSRF-Token': 'csrf-abc' });
    for (const [, init] of [read!, change!]) {
      expect(init.headers).not.toHaveProperty('Authorization');
      expect(init.credentials).toBe('same-origin');
    }
  });

  it('resumes from the cookie after a reload, and shows sign-in when there is none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(session), { status: 200 })),
    );
    await useAuthStore.getState().restore();
    expect(useAuthStore.getState()).toMatchObject({ phase: 'signed_in', csrfToken: 'csrf-abc' });

    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'x' }), { status: 401 }),
      ),
    );
    await useAuthStore.getState().restore();
    expect(useAuthStore.getState()).toMatchObject({ phase: 'signed_out', csrfToken: null });
  });
});
