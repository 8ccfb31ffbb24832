import type {
  AuditLogEntryDto,
  ConversationSummaryDto,
  InvitationDto,
  InvitationPreviewDto,
  LoginResponseDto,
  MessageDto,
  Page,
  SessionDto,
  TeamMemberDto,
} from '@switchboard/contracts';
import {
  ApiClient,
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { OperatorInvitationEntity } from './entities/operator-invitation.entity';

/** The token of an accept link (it rides in the URL fragment). */
function tokenOf(invitation: InvitationDto): string {
  return new URL(invitation.acceptUrl).hash.replace(/^#token=/, '');
}

describe('people: invitations, roles, deactivation, profile', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminLogin: LoginResponseDto;
  const anonymous = () => new ApiClient(api.baseUrl);

  async function invite(email: string, role: 'admin' | 'agent' = 'agent') {
    return admin.ok<InvitationDto>('POST', '/api/invitations', { email, role });
  }

  async function join(email: string, role: 'admin' | 'agent' = 'agent') {
    const invitation = await invite(email, role);
    const accepted = await anonymous().ok<LoginResponseDto>('POST', '/api/invitations/accept', {
      token: tokenOf(invitation),
      name: `Colleague ${email}`,
      password: 'a-long-password-1',
      session: 'bearer',
    });
    return { client: new ApiClient(api.baseUrl, accepted.token), login: accepted };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminLogin = session.login;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('an invited colleague accepts the link, is signed in, and works the queue as an agent', async () => {
    const invitation = await invite('Nina@Example.test');
    expect(invitation.email).toBe('nina@example.test');
    expect(invitation.acceptUrl).toMatch(/\/accept-invitation#token=/);
    const token = tokenOf(invitation);
    // Only the token's hash is stored.
    const stored = await api.dataSource.getRepository(OperatorInvitationEntity).find();
    expect(stored.map((i) => i.tokenHash.toString('base64url'))).not.toContain(token);

    const preview = await anonymous().ok<InvitationPreviewDto>('POST', '/api/invitations/preview', {
      token,
    });
    expect(preview).toMatchObject({ email: 'nina@example.test', role: 'agent' });

    // The SPA's way: a cookie session with its CSRF token.
    const res = await fetch(`${api.baseUrl}/api/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: 'Nina Novak', password: 'nina-password-1' }),
    });
    expect(res.status).toBe(200);
    const session = (await res.json()) as SessionDto;
    expect(session.operator).toMatchObject({ name: 'Nina Novak', role: 'agent' });
    const cookie = (res.headers.getSetCookie().find((c) => /sb_session=/.test(c)) ?? '').split(
      ';',
    )[0]!;
    const me = await fetch(`${api.baseUrl}/api/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { email: string }).email).toBe('nina@example.test');

    // She signs in with her password and works the queue: takes a conversation and answers it.
    const nina = (await loginAs(api.baseUrl, 'nina@example.test', 'nina-password-1')).client;
    const { customer } = await createApiInbox(admin, 'Queue');
    expect((await customer.say('Where is my order?')).status).toBe(200);
    const feed = await nina.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    const conversation = feed.items[0]!;
    await nina.ok('POST', `/api/conversations/${conversation.id}/assign`, {
      assigneeId: session.operator.id,
    });
    const reply = await nina.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      {
        text: 'On its way!',
      },
    );
    expect(reply.direction).toBe('outgoing');

    const audit = await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log?limit=200');
    const actions = audit.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['operator.invited', 'operator.invitation_accepted']),
    );
  });

  it('refuses an email that is already an operator, a reused link and an expired one', async () => {
    const duplicate = await admin.post<{ code: string; message: string }>('/api/invitations', {
      email: 'ADMIN@test.local',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toMatch(/already an operator/);

    const invitation = await invite('once@example.test');
    const body = { token: tokenOf(invitation), name: 'Once', password: 'once-password-1' };
    expect((await anonymous().post('/api/invitations/accept', body)).status).toBe(200);
    const reused = await anonymous().post<{ code: string; message: string }>(
      '/api/invitations/accept',
      body,
    );
    expect(reused.status).toBe(410);
    expect(reused.body.message).toMatch(/already used/);

    const late = await invite('late@example.test');
    await api.dataSource
      .getRepository(OperatorInvitationEntity)
      .update({ email: 'late@example.test' }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await anonymous().post<{ message: string }>('/api/invitations/accept', {
      token: tokenOf(late),
      name: 'Late',
      password: 'late-password-1',
    });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toMatch(/expired/);
    const previewExpired = await anonymous().post('/api/invitations/preview', {
      token: tokenOf(late),
    });
    expect(previewExpired.status).toBe(410);

    const unknown = await anonymous().post('/api/invitations/accept', {
      token: 'x'.repeat(43),
      name: 'Nobody',
      password: 'nobody-password-1',
    });
    expect(unknown.status).toBe(400);
    // Nothing was created by the refused attempts.
    const team = await admin.ok<TeamMemberDto[]>('GET', '/api/operators');
    expect(team.map((m) => m.email)).not.toContain('late@example.test');
  });

  it('a new invitation for the same email replaces the earlier link', async () => {
    const first = await invite('twice@example.test');
    const second = await invite('twice@example.test');
    const old = await anonymous().post('/api/invitations/preview', { token: tokenOf(first) });
    expect(old.status).toBe(400);
    expect(
      (await anonymous().post('/api/invitations/preview', { token: tokenOf(second) })).status,
    ).toBe(200);
  });

  it('deactivation ends a live socket at once and releases open conversations with an activity', async () => {
    const { client: agent, login } = await join('leaving@example.test');
    const { inbox, customer } = await createApiInbox(admin, 'Leaving');
    expect((await customer.say('Help please')).status).toBe(200);
    const feed = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?status=open&inboxId=${(inbox as { id: string }).id}`,
    );
    const conversation = feed.items[0]!;
    await admin.ok('POST', `/api/conversations/${conversation.id}/assign`, {
      assigneeId: login.operator.id,
    });

    const socket = await RecordingOperatorSocket.connect(api.baseUrl, login.token);
    const watcher = await RecordingOperatorSocket.connect(api.baseUrl, adminLogin.token);
    const disconnected = new Promise<void>((resolve) =>
      socket.socket.once('disconnect', () => resolve()),
    );

    const member = await admin.ok<TeamMemberDto>(
      'POST',
      `/api/operators/${login.operator.id}/deactivate`,
    );
    expect(member.active).toBe(false);
    await disconnected;
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const again = await anonymous().post('/api/auth/login', {
      email: 'leaving@example.test',
      password: 'a-long-password-1',
    });
    expect(again.status).toBe(401);

    const after = await admin.ok<ConversationSummaryDto>(
      'GET',
      `/api/conversations/${conversation.id}`,
    );
    expect(after.assigneeId).toBeNull();
    // Nobody can hand them work while they are away.
    const assignAgain = await admin.post(`/api/conversations/${conversation.id}/assign`, {
      assigneeId: login.operator.id,
    });
    expect(assignAgain.status).toBe(400);
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conversation.id}/messages`,
    );
    const released = timeline.items.find((m) => m.activity?.type === 'released_on_deactivation');
    expect(released?.activity).toMatchObject({
      operator: { id: login.operator.id },
      by: { id: adminLogin.operator.id },
    });
    // Colleagues see it live: the conversation unassigned and the operator inactive.
    await watcher.waitFor((events) =>
      events.some((e) => e.type === 'operator.updated' && !e.payload.operator.active),
    );
    await watcher.waitFor((events) =>
      events.some(
        (e) =>
          e.type === 'conversation.updated' &&
          e.payload.conversation.id === conversation.id &&
          e.payload.conversation.assigneeId === null,
      ),
    );
    watcher.close();
    socket.close();

    // History stays, and a reactivated operator can sign in again.
    const team = await admin.ok<TeamMemberDto[]>('GET', '/api/operators');
    expect(team.find((m) => m.id === login.operator.id)?.active).toBe(false);
    await admin.ok('POST', `/api/operators/${login.operator.id}/reactivate`);
    await loginAs(api.baseUrl, 'leaving@example.test', 'a-long-password-1');
    const audit = await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log?limit=200');
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['operator.deactivated', 'operator.reactivated']),
    );
  });

  it('keeps the last active admin: no demotion, no deactivation', async () => {
    const me = adminLogin.operator.id;
    const demote = await admin.request<{ message: string }>('PATCH', `/api/operators/${me}/role`, {
      role: 'agent',
    });
    expect(demote.status).toBe(409);
    expect(demote.body.message).toMatch(/last active admin/);
    expect((await admin.post(`/api/operators/${me}/deactivate`)).status).toBe(409);

    // With a second admin, the first may step down; then the second is the last one.
    const { client: second, login } = await join('second-admin@example.test', 'admin');
    const changed = await admin.ok<TeamMemberDto>('PATCH', `/api/operators/${me}/role`, {
      role: 'agent',
    });
    expect(changed.role).toBe('agent');
    expect(
      (await second.request('PATCH', `/api/operators/${login.operator.id}/role`, { role: 'agent' }))
        .status,
    ).toBe(409);
    await second.ok('PATCH', `/api/operators/${me}/role`, { role: 'admin' });
    const audit = await admin.ok<Page<AuditLogEntryDto>>(
      'GET',
      '/api/audit-log?action=operator.role_changed',
    );
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
  });

  it('agents get 403 on the admin routes', async () => {
    const { client: agent, login } = await join('plain-agent@example.test');
    expect((await agent.post('/api/invitations', { email: 'x@example.test' })).status).toBe(403);
    expect(
      (await agent.request('PATCH', `/api/operators/${login.operator.id}/role`, { role: 'admin' }))
        .status,
    ).toBe(403);
    expect((await agent.post(`/api/operators/${adminLogin.operator.id}/deactivate`)).status).toBe(
      403,
    );
    expect((await agent.post(`/api/operators/${login.operator.id}/reactivate`)).status).toBe(403);
  });

  it('every operator edits their own profile and availability; colleagues see it live', async () => {
    const { client: agent, login: joined } = await join('profile@example.test');
    // No language chosen yet: the inbox follows the browser until the operator picks one.
    expect(joined.operator.locale).toBeNull();
    const watcher = await RecordingOperatorSocket.connect(api.baseUrl, adminLogin.token);
    const updated = await agent.ok<TeamMemberDto>('PATCH', '/api/operators/me', {
      name: 'Pia Profile',
      avatarUrl: 'https://cdn.example.test/pia.png',
      timezone: 'Europe/Sofia',
      locale: 'bg',
      presence: 'away',
    });
    expect(updated).toMatchObject({
      name: 'Pia Profile',
      avatarUrl: 'https://cdn.example.test/pia.png',
      timezone: 'Europe/Sofia',
      locale: 'bg',
      presence: 'away',
      role: 'agent',
    });
    await watcher.waitFor((events) =>
      events.some((e) => e.type === 'operator.updated' && e.payload.operator.presence === 'away'),
    );
    watcher.close();
    const team = await eventually(async () => {
      const list = await admin.ok<TeamMemberDto[]>('GET', '/api/operators');
      return list.find((m) => m.name === 'Pia Profile');
    });
    expect(team.presence).toBe('away');
    const cleared = await agent.ok<TeamMemberDto>('PATCH', '/api/operators/me', { locale: null });
    expect(cleared.locale).toBeNull();

    for (const bad of [
      { timezone: 'Mars/Olympus' },
      { avatarUrl: 'javascript:alert(1)' },
      { locale: 'not a locale' },
      { presence: 'busy' },
      {},
    ]) {
      const r = await agent.request('PATCH', '/api/operators/me', bad);
      expect([r.status, bad]).toEqual([400, bad]);
    }
    const control = await agent.request('PATCH', '/api/operators/me', { timezone: 'UTC\u0000' });
    expect(control.status).toBe(422);
  });
});
