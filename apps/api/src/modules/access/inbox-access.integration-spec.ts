import type {
  AttachmentDto,
  AuditLogEntryDto,
  ConversationSummaryDto,
  InboxAccessDto,
  LoginResponseDto,
  MessageDto,
  Page,
  TeamDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type ApiChannelCustomer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';

type Feed = Page<ConversationSummaryDto>;

/**
 * Inbox access: an agent sees and acts on the conversations of the inboxes they belong to,
 * directly or through a team, and nothing else, anywhere; an inbox without members is open to all.
 */
describe('inbox access', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminToken: string;
  /** An agent with no access to the restricted inbox. */
  let agnes: ApiClient;
  let agnesLogin: LoginResponseDto;
  /** An agent who is a direct member of the restricted inbox. */
  let mona: ApiClient;
  let monaId: string;
  let monaToken: string;
  let restrictedInboxId: string;
  let restrictedCustomer: ApiChannelCustomer;
  let openCustomer: ApiChannelCustomer;
  let secret: ConversationSummaryDto;
  let open: ConversationSummaryDto;
  let note: MessageDto;

  const feedOf = async (client: ApiClient, query = '') =>
    (await client.ok<Feed>('GET', `/api/conversations?status=open${query}`)).items.map((c) => c.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const adminSession = await loginAs(api.baseUrl);
    admin = adminSession.client;
    adminToken = adminSession.login.token;
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    await api.dataSource.transaction(async (em) => {
      for (const name of ['Agnes', 'Mona'])
        await createOperator(em, account.id, {
          email: `${name.toLowerCase()}@test.local`,
          name,
          password: 'agent-password-123',
          role: 'agent',
        });
    });
    const agnesSession = await loginAs(api.baseUrl, 'agnes@test.local', 'agent-password-123');
    agnes = agnesSession.client;
    agnesLogin = agnesSession.login;
    const monaSession = await loginAs(api.baseUrl, 'mona@test.local', 'agent-password-123');
    mona = monaSession.client;
    monaId = monaSession.login.operator.id;
    monaToken = monaSession.login.token;

    const openInbox = await createApiInbox(admin, 'Everyone');
    openCustomer = openInbox.customer;
    const restricted = await createApiInbox(admin, 'Billing');
    restrictedInboxId = restricted.inbox.id;
    restrictedCustomer = restricted.customer;
    await admin.ok('PUT', `/api/inboxes/${restrictedInboxId}/access`, {
      operatorIds: [monaId],
      teamIds: [],
    });
    await openCustomer.say('hello everyone');
    await restrictedCustomer.say('secret invoice question');
    const all = await admin.ok<Feed>('GET', '/api/conversations?status=open');
    secret = all.items.find((c) => c.inboxId === restrictedInboxId)!;
    open = all.items.find((c) => c.inboxId !== restrictedInboxId)!;
    note = await admin.ok<MessageDto>('POST', `/api/conversations/${secret.id}/messages`, {
      kind: 'note',
      text: 'internal',
    });
    await admin.ok('POST', `/api/conversations/${secret.id}/tags`, { name: 'vip' });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('hides a restricted inbox from an agent without access everywhere: lists, counts, search, detail, actions', async () => {
    expect(await feedOf(agnes)).toEqual([open.id]);
    expect(await agnes.ok('GET', '/api/conversations/counts')).toEqual({
      open: 1,
      snoozed: 0,
      closed: 0,
      nextSnoozeDueInMs: null,
    });
    expect(await feedOf(agnes, '&q=invoice')).toEqual([]);
    expect(await feedOf(agnes, `&q=${secret.number}`)).toEqual([]);
    expect(await feedOf(agnes, '&tag=vip')).toEqual([]);
    expect(await feedOf(agnes, `&inboxId=${restrictedInboxId}`)).toEqual([]);
    expect(await agnes.ok('GET', '/api/conversations/counts?q=invoice')).toEqual({
      open: 0,
      snoozed: 0,
      closed: 0,
      nextSnoozeDueInMs: null,
    });

    const canned = await agnes.ok<{ id: string }>('POST', '/api/canned-replies', {
      title: 'Hi',
      shortcut: 'hi',
      body: 'Hello {{contact.name}}',
    });
    const id = secret.id;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/api/conversations/${id}`],
      ['GET', `/api/conversations/${id}/messages`],
      ['POST', `/api/conversations/${id}/messages`, { text: 'hijack' }],
      ['POST', `/api/conversations/${id}/messages`, { kind: 'note', text: 'peek' }],
      ['POST', `/api/conversations/${id}/close`],
      ['POST', `/api/conversations/${id}/reopen`],
      [
        'POST',
        `/api/conversations/${id}/snooze`,
        { until: new Date(Date.now() + 3600_000).toISOString() },
      ],
      ['POST', `/api/conversations/${id}/unsnooze`],
      ['POST', `/api/conversations/${id}/assign`, { assigneeId: null }],
      ['POST', `/api/conversations/${id}/read`],
      ['POST', `/api/conversations/${id}/tags`, { name: 'peek' }],
      ['GET', `/api/conversations/${id}/draft`],
      ['PUT', `/api/conversations/${id}/draft`, { text: 'draft' }],
      ['GET', `/api/conversations/${id}/participants`],
      ['POST', `/api/conversations/${id}/follow`],
      ['POST', `/api/canned-replies/${canned.id}/render`, { conversationId: id }],
      ['POST', `/api/messages/${note.id}/retry`],
    ];
    for (const [method, path, body] of attempts) {
      const r = await agnes.request(method, path, body);
      expect({ method, path, status: r.status }).toEqual({ method, path, status: 404 });
    }
    // Nothing changed behind the 404s.
    const after = await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${id}`);
    expect(after).toMatchObject({ status: 'open', assigneeId: null });
    expect(after.tags.map((t) => t.name)).toEqual(['vip']);

    // The open inbox (no members, no teams) stays open to every operator.
    expect((await agnes.request('GET', `/api/conversations/${open.id}`)).status).toBe(200);
  });

  it('shows the restricted inbox to its members and to admins', async () => {
    expect((await feedOf(mona)).sort()).toEqual([open.id, secret.id].sort());
    expect(await feedOf(mona, '&q=invoice')).toEqual([secret.id]);
    expect((await mona.request('GET', `/api/conversations/${secret.id}/messages`)).status).toBe(
      200,
    );
    expect((await feedOf(admin)).sort()).toEqual([open.id, secret.id].sort());
    expect(await admin.ok('GET', '/api/conversations/counts')).toMatchObject({ open: 2 });
  });

  it('serves a file of a restricted conversation only to those who may see the conversation', async () => {
    const upload = async (client: ApiClient, name: string) => {
      const form = new FormData();
      form.append('file', new Blob(['%PDF-1.4 invoice'], { type: 'application/pdf' }), name);
      const res = await fetch(`${api.baseUrl}/api/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}` },
        body: form,
      });
      expect(res.status).toBe(201);
      return (await res.json()) as AttachmentDto;
    };
    const invoice = await upload(admin, 'invoice.pdf');
    // Before it is sent, an upload is readable to its account (the agent could not know its id).
    expect((await agnes.request('GET', `/api/files/${invoice.id}/invoice.pdf`)).status).toBe(200);
    // A note: the API channel carries no attachments, notes do.
    await admin.ok('POST', `/api/conversations/${secret.id}/messages`, {
      kind: 'note',
      text: 'The invoice',
      attachmentIds: [invoice.id],
    });
    const download = (client: ApiClient) =>
      client.request('GET', `/api/files/${invoice.id}/invoice.pdf`).then((r) => r.status);
    const link = (client: ApiClient) =>
      client.request('POST', `/api/files/${invoice.id}/link`, {}).then((r) => r.status);
    expect([await download(agnes), await link(agnes)]).toEqual([404, 404]);
    expect([await download(mona), await link(mona)]).toEqual([200, 200]);
    expect([await download(admin), await link(admin)]).toEqual([200, 200]);
    // An agent's own file, attached in a conversation they see, stays theirs to read.
    const own = await upload(agnes, 'own.pdf');
    await agnes.ok('POST', `/api/conversations/${open.id}/messages`, {
      kind: 'note',
      text: 'Here',
      attachmentIds: [own.id],
    });
    expect((await agnes.request('GET', `/api/files/${own.id}/own.pdf`)).status).toBe(200);
  });

  it('streams the restricted inbox’s events to members and admins only', async () => {
    const agnesSocket = await RecordingOperatorSocket.connect(api.baseUrl, agnesLogin.token);
    const adminSocket = await RecordingOperatorSocket.connect(api.baseUrl, adminToken);
    // A member beside the agent without access: each live batch's access is read once for every
    // socket of the account, and each agent must still get only their own share.
    const monaSocket = await RecordingOperatorSocket.connect(api.baseUrl, monaToken);
    await restrictedCustomer.say('another secret');
    await openCustomer.say('another hello');
    // Events reach each socket in cursor order: once the open inbox's arrived, the secret's are past.
    await adminSocket.waitFor((es) => es.some((e) => e.conversationId === open.id));
    await agnesSocket.waitFor((es) => es.some((e) => e.conversationId === open.id));
    await monaSocket.waitFor((es) => es.some((e) => e.conversationId === open.id));
    expect(adminSocket.events.some((e) => e.conversationId === secret.id)).toBe(true);
    expect(monaSocket.events.some((e) => e.conversationId === secret.id)).toBe(true);
    expect(agnesSocket.events.filter((e) => e.conversationId === secret.id)).toEqual([]);

    // A socket resuming from an old cursor catches up through the same filter.
    const replay = await RecordingOperatorSocket.connect(
      api.baseUrl,
      agnesLogin.token,
      adminSocket.ready!.cursor,
    );
    expect(replay.events.some((e) => e.conversationId === open.id)).toBe(true);
    expect(replay.events.filter((e) => e.conversationId === secret.id)).toEqual([]);
    expect(replay.ready!.cursor).toBe(adminSocket.lastCursor);
    // Naming the conversation on the socket is refused like another account's.
    agnesSocket.socket.emit('typing', { conversationId: secret.id, typing: true });
    await eventually(async () => agnesSocket.errors.some((e) => e.code === 'NOT_FOUND'));
    for (const s of [agnesSocket, adminSocket, monaSocket, replay]) s.close();
  });

  it('opens the inbox to an agent through a team, and closes it again, with audit entries', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, agnesLogin.token);
    const team = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Billing team' });
    await admin.ok('PUT', `/api/teams/${team.id}/members`, {
      operatorIds: [agnesLogin.operator.id],
    });
    const access = await admin.ok<InboxAccessDto>(
      'PUT',
      `/api/inboxes/${restrictedInboxId}/access`,
      { operatorIds: [monaId], teamIds: [team.id] },
    );
    expect(access).toEqual({
      inboxId: restrictedInboxId,
      operatorIds: [monaId],
      teamIds: [team.id],
    });
    expect(await admin.ok('GET', `/api/inboxes/${restrictedInboxId}/access`)).toEqual(access);
    expect((await feedOf(agnes)).sort()).toEqual([open.id, secret.id].sort());
    expect((await agnes.request('GET', `/api/conversations/${secret.id}`)).status).toBe(200);
    // The agent's client hears that access changed (it reloads its feed), and events flow.
    await socket.waitFor((es) => es.some((e) => e.type === 'access.changed'));
    await restrictedCustomer.say('now visible to the team');
    await socket.waitFor((es) => es.some((e) => e.conversationId === secret.id));
    socket.close();

    await admin.ok('PUT', `/api/teams/${team.id}/members`, { operatorIds: [] });
    expect(await feedOf(agnes)).toEqual([open.id]);
    expect((await agnes.request('GET', `/api/conversations/${secret.id}`)).status).toBe(404);

    const audit = await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log?limit=200');
    const actions = audit.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['team.created', 'team.members_changed', 'inbox.access_changed']),
    );
    const joined = audit.items.find(
      (e) =>
        e.action === 'team.members_changed' &&
        (e.details['added'] as string[]).includes(agnesLogin.operator.id),
    );
    expect(joined?.target).toMatchObject({ type: 'team', id: team.id, label: 'Billing team' });
  });

  it('assigns only operators with access to the inbox: 400 with the reason otherwise', async () => {
    const refused = await admin.request('POST', `/api/conversations/${secret.id}/assign`, {
      assigneeId: agnesLogin.operator.id,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('no access');
    expect(
      (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${secret.id}`)).assigneeId,
    ).toBeNull();
    const ok = await admin.ok<ConversationSummaryDto>(
      'POST',
      `/api/conversations/${secret.id}/assign`,
      { assigneeId: monaId },
    );
    expect(ok.assigneeId).toBe(monaId);
    // Anyone may be given the open inbox's work.
    await admin.ok('POST', `/api/conversations/${open.id}/assign`, {
      assigneeId: agnesLogin.operator.id,
    });
  });

  it('lets only admins manage teams and access, and refuses bad input with a reason', async () => {
    expect((await agnes.request('POST', '/api/teams', { name: 'Mine' })).status).toBe(403);
    expect(
      (
        await agnes.request('PUT', `/api/inboxes/${restrictedInboxId}/access`, {
          operatorIds: [agnesLogin.operator.id],
          teamIds: [],
        })
      ).status,
    ).toBe(403);
    expect((await agnes.ok<TeamDto[]>('GET', '/api/teams')).length).toBeGreaterThan(0);
    const dup = await admin.request('POST', '/api/teams', { name: 'Billing team' });
    expect(dup.status).toBe(409);
    const empty = await admin.request('POST', '/api/teams', { name: '   ' });
    expect(empty.status).toBe(400);
    const control = await admin.request('POST', '/api/teams', { name: 'bad\u0007name' });
    expect(control.status).toBe(422);
    const unknown = await admin.request('PUT', `/api/inboxes/${restrictedInboxId}/access`, {
      operatorIds: ['00000000-0000-4000-8000-000000000000'],
      teamIds: [],
    });
    expect(unknown.status).toBe(400);
    expect(await admin.ok('GET', `/api/inboxes/${restrictedInboxId}/access`)).toMatchObject({
      operatorIds: [monaId],
    });
  });
});
