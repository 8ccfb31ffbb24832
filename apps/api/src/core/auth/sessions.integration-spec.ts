import type {
  AuditLogEntryDto,
  ConversationSummaryDto,
  MessageDto,
  Page,
  SessionDto,
} from '@switchboard/contracts';
import {
  ApiClient,
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  loginWithCookie,
  RecordingOperatorSocket,
  startTestApi,
  TEST_ADMIN,
  type CookieSession,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createOperator } from '../../modules/accounts/create-account';
import { AccountEntity } from '../../modules/accounts/entities/account.entity';
import { OperatorSessionEntity } from './entities/operator-session.entity';
import { SessionRevocationService } from './session-revocation.service';
import { hashSessionToken } from './session-token';

const AGENT = { email: 'agent@test.local', password: 'agent-password-123' };
const NEW_PASSWORD = 'a-brand-new-password-456';

/**
 * Sessions: the SPA's HttpOnly cookie and its CSRF token, and that no socket outlives its session
 * (sign-out, password change, expiry, revocation), on every instance.
 */
describe('operator sessions', () => {
  let db: TestDatabase;
  let a: TestApi;
  let b: TestApi;
  let admin: ApiClient;
  let agentId: string;

  const open = new Set<RecordingOperatorSocket>();
  const socketOn = async (
    api: TestApi,
    credentials: Parameters<typeof RecordingOperatorSocket.connect>[1],
  ) => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, credentials);
    open.add(socket);
    return socket;
  };
  /** Resolves when the server closes the socket, with the reason the client was given. */
  const ended = async (socket: RecordingOperatorSocket, timeoutMs = 5_000) => {
    await eventually(async () => !socket.socket.connected, timeoutMs, 20);
    return socket.errors.at(-1);
  };
  const sessionOf = (api: TestApi, s: CookieSession) =>
    fetch(`${api.baseUrl}/api/auth/session`, { headers: { cookie: s.cookie } });

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { SESSION_CHECK_MS: '300' };
    a = await startTestApi({ databaseUrl: db.url, env });
    b = await startTestApi({ databaseUrl: db.url, env });
    admin = (await loginAs(a.baseUrl)).client;
    const [account] = await a.dataSource.getRepository(AccountEntity).find({ take: 1 });
    agentId = await a.dataSource.transaction((em) =>
      createOperator(em, account!.id, { ...AGENT, name: 'Agnes Agent', role: 'agent' }),
    );
  });

  afterAll(async () => {
    for (const socket of open) socket.close();
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('signs the SPA in with an HttpOnly, SameSite=Strict cookie; the token never reaches scripts', async () => {
    const s = await loginWithCookie(a.baseUrl);
    expect(s.setCookie).toMatch(/^sb_session=[\w-]{20,}; /);
    expect(s.setCookie).toMatch(/; HttpOnly/i);
    expect(s.setCookie).toMatch(/; SameSite=Strict/i);
    expect(s.setCookie).toMatch(/; Path=\//i);
    // PUBLIC_URL is http here; on https the cookie is `__Host-sb_session` and Secure.
    expect(s.setCookie).not.toMatch(/; Secure/i);
    expect(s.session).not.toHaveProperty('token');
    expect(s.setCookie).not.toContain(s.csrfToken);
    expect(s.session.operator.email).toBe(TEST_ADMIN.email);

    // After a reload the SPA knows nothing but the cookie: it resumes through /api/auth/session.
    const resumed = (await (await sessionOf(b, s)).json()) as SessionDto;
    expect(resumed.csrfToken).toBe(s.csrfToken);
    const feed = await fetch(`${a.baseUrl}/api/conversations`, { headers: { cookie: s.cookie } });
    expect(feed.status).toBe(200);
    // API clients keep their bearer token, and need no CSRF token.
    expect((await loginAs(a.baseUrl)).login.token).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses a change that carries only the cookie (a cross-site form), accepts it with the CSRF token', async () => {
    const s = await loginWithCookie(a.baseUrl);
    const other = await loginWithCookie(a.baseUrl);
    const { customer } = await createApiInbox(admin, 'CSRF');
    await customer.say('Hello there');
    const [conversation] = (
      await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')
    ).items;
    const path = `/api/conversations/${conversation!.id}/messages`;
    // What another site's auto-submitting <form method=post> makes the browser send.
    const form = (headers: Record<string, string>) =>
      fetch(`${a.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          cookie: s.cookie,
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: 'kind=note&text=Forged+note',
      });
    const notes = async () =>
      (await admin.ok<Page<MessageDto>>('GET', path)).items.filter((m) => m.text === 'Forged note')
        .length;

    const forged = await form({});
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { message: string }).message).toMatch(/X-CSRF-Token/);
    // Another session's token does not fit this cookie.
    expect((await form({ 'x-csrf-token': other.csrfToken })).status).toBe(403);
    expect(await notes()).toBe(0);
    // Nor can another site sign the browser into an account of its choosing, or sign it out.
    const forgedLogin = await fetch(`${a.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...TEST_ADMIN, session: 'cookie' }).toString(),
    });
    expect(forgedLogin.status).toBe(403);
    expect(forgedLogin.headers.getSetCookie()).toEqual([]);
    const logout = await fetch(`${a.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie },
    });
    expect(logout.status).toBe(403);

    // The same request from the SPA, which knows the token: accepted.
    expect((await form({ 'x-csrf-token': s.csrfToken })).status).toBe(201);
    expect(await notes()).toBe(1);
    expect((await sessionOf(a, s)).status).toBe(200);
  });

  it('opens a socket with the cookie only together with the CSRF token', async () => {
    const s = await loginWithCookie(a.baseUrl);
    const socket = await socketOn(b, { cookie: s.cookie, csrfToken: s.csrfToken });
    expect(socket.ready).not.toBeNull();
    await expect(
      RecordingOperatorSocket.connect(b.baseUrl, { cookie: s.cookie, csrfToken: 'guessed' }),
    ).rejects.toThrow(/unauthorized/);
    await expect(
      RecordingOperatorSocket.connect(b.baseUrl, {
        cookie: 'sb_session=nope',
        csrfToken: s.csrfToken,
      }),
    ).rejects.toThrow(/unauthorized/);
  });

  it('sign-out ends every socket of that session on every instance, and only those', async () => {
    const s = await loginWithCookie(a.baseUrl);
    const bearer = (await loginAs(a.baseUrl)).login.token;
    const viaCookie = { cookie: s.cookie, csrfToken: s.csrfToken };
    const [onA, onB, otherSession] = await Promise.all([
      socketOn(a, viaCookie),
      socketOn(b, viaCookie),
      socketOn(b, bearer),
    ]);

    const res = await fetch(`${a.baseUrl}/api/auth/logout`, { method: 'POST', headers: s.headers });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/sb_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(await ended(onA)).toEqual({ code: 'UNAUTHENTICATED', message: 'You were signed out' });
    expect(await ended(onB)).toEqual({ code: 'UNAUTHENTICATED', message: 'You were signed out' });
    expect((await sessionOf(b, s)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 400));
    expect(otherSession.socket.connected).toBe(true);
  });

  it("a password change ends the operator's other sessions and their sockets everywhere, not its own", async () => {
    const first = (await loginAs(a.baseUrl, AGENT.email, AGENT.password)).client;
    const second = (await loginAs(b.baseUrl, AGENT.email, AGENT.password)).client;
    const current = await loginWithCookie(b.baseUrl, AGENT.email, AGENT.password);
    const sockets = await Promise.all([
      socketOn(a, first.token!),
      socketOn(b, second.token!),
      socketOn(a, { cookie: current.cookie, csrfToken: current.csrfToken }),
    ]);
    const adminSocket = await socketOn(a, (await loginAs(a.baseUrl)).login.token);
    const change = (body: unknown) =>
      fetch(`${b.baseUrl}/api/auth/password`, {
        method: 'POST',
        headers: { ...current.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const wrong = await change({ currentPassword: 'not-it', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(403);
    const short = await change({ currentPassword: AGENT.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect((await first.get('/api/auth/me')).status).toBe(200);

    expect(
      (await change({ currentPassword: AGENT.password, newPassword: NEW_PASSWORD })).status,
    ).toBe(204);
    expect(await ended(sockets[0])).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await ended(sockets[1])).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 400));
    expect(sockets[2].socket.connected).toBe(true);
    expect(adminSocket.socket.connected).toBe(true);
    expect((await sessionOf(a, current)).status).toBe(200);

    const old = await new ApiClient(a.baseUrl).post('/api/auth/login', {
      email: AGENT.email,
      password: AGENT.password,
    });
    expect(old.status).toBe(401);
    await loginAs(a.baseUrl, AGENT.email, NEW_PASSWORD);
  });

  it('a socket never outlives its session: expired or vanished sessions are caught by the periodic check', async () => {
    const { login } = await loginAs(a.baseUrl);
    const expiring = await socketOn(b, login.token);
    const vanishingToken = (await loginAs(a.baseUrl)).login.token;
    const vanishing = await socketOn(a, vanishingToken);
    const sessions = a.dataSource.getRepository(OperatorSessionEntity);
    // Expiry reached (moved into the past rather than waited for: SESSION_TTL_HOURS is hours).
    await sessions.update(
      { tokenHash: hashSessionToken(login.token) },
      { expiresAt: () => "now() - interval '1 second'" },
    );
    expect(await ended(expiring, 3_000)).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Deleted behind the server's back: no notice was sent, the check still finds out.
    await sessions.delete({ tokenHash: hashSessionToken(vanishingToken) });
    expect(await ended(vanishing, 3_000)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('revokeOperatorSessions (for deactivation) ends all of an operator’s sessions and sockets, on every instance', async () => {
    const one = (await loginAs(a.baseUrl, AGENT.email, NEW_PASSWORD)).client;
    const two = await loginWithCookie(b.baseUrl, AGENT.email, NEW_PASSWORD);
    const sockets = await Promise.all([
      socketOn(a, one.token!),
      socketOn(b, one.token!),
      socketOn(b, { cookie: two.cookie, csrfToken: two.csrfToken }),
    ]);
    const adminSocket = await socketOn(b, admin.token!);

    const sessions = a.dataSource.getRepository(OperatorSessionEntity);
    const count = await sessions.countBy({ operatorId: agentId });
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await a.app.get(SessionRevocationService).revokeOperatorSessions(agentId)).toBe(count);
    expect(await sessions.countBy({ operatorId: agentId })).toBe(0);
    for (const socket of sockets)
      expect(await ended(socket)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await one.get('/api/auth/me')).status).toBe(401);
    expect((await sessionOf(b, two)).status).toBe(401);
    expect(adminSocket.socket.connected).toBe(true);
  });

  it('records sign-ins, failed sign-ins of real operators, sign-outs and password changes with the IP', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const failed = await fetch(`${a.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from('198.51.100.7') },
      body: JSON.stringify({ email: 'Admin@Test.local', password: 'wrong' }),
    });
    expect(failed.status).toBe(401);
    const unknown = await fetch(`${a.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from('198.51.100.8') },
      body: JSON.stringify({ email: 'nobody@test.local', password: 'wrong' }),
    });
    expect(unknown.status).toBe(401);
    const s = await loginWithCookie(
      a.baseUrl,
      TEST_ADMIN.email,
      TEST_ADMIN.password,
      from('198.51.100.9'),
    );
    await fetch(`${a.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { ...s.headers, ...from('198.51.100.10') },
    });

    const entries = (await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log?limit=200'))
      .items;
    const of = (action: string) => entries.filter((e) => e.action === action);
    // The agent's old password, tried after the change, is on record too.
    expect(of('auth.sign_in_failed').filter((e) => e.target?.label === TEST_ADMIN.email)).toEqual([
      expect.objectContaining({
        actor: { id: null, label: 'admin@test.local' },
        target: expect.objectContaining({ type: 'operator', label: TEST_ADMIN.email }),
        ip: '198.51.100.7',
        details: { reason: 'wrong_password' },
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('nobody@test.local');
    expect(of('auth.signed_in')).toContainEqual(
      expect.objectContaining({ ip: '198.51.100.9', details: { session: 'cookie' } }),
    );
    expect(of('auth.signed_out')).toContainEqual(
      expect.objectContaining({
        ip: '198.51.100.10',
        actor: expect.objectContaining({ label: TEST_ADMIN.email }),
      }),
    );
    expect(of('auth.password_changed')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: agentId }),
        target: expect.objectContaining({ id: agentId }),
        ip: '127.0.0.1',
        details: { endedSessions: 2 },
      }),
    ]);
  });
});
