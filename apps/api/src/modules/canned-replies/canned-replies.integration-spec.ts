import { Client } from 'pg';
import type {
  CannedReplyDto,
  ConversationSummaryDto,
  Page,
  RenderedCannedReplyDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues } from '../accounts/testing/colleagues';

describe('canned replies', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminToken: string;
  let adminName: string;
  let agent: ApiClient;
  let stranger: ApiClient;
  let conversation: ConversationSummaryDto;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminToken = session.login.token;
    adminName = session.login.operator.name;
    ({ agent, stranger } = await addColleagues(api));
    const { customer } = await createApiInbox(admin, 'Support');
    expect((await customer.say('Where is my order?')).status).toBe(200);
    const page = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    conversation = page.items[0]!;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const reply = (over: Record<string, unknown> = {}) => ({
    title: 'Greeting',
    shortcut: 'hello',
    body: 'Hi {{contact.first_name}}, {{operator.name}} here.',
    ...over,
  });

  it('an admin manages shared replies every operator of the account sees', async () => {
    const shared = await admin.ok<CannedReplyDto>(
      'POST',
      '/api/canned-replies',
      reply({ scope: 'shared', shortcut: 'Shared-Hi' }),
    );
    expect(shared).toMatchObject({ scope: 'shared', ownerOperatorId: null, shortcut: 'shared-hi' });

    const seenByAgent = await agent.ok<CannedReplyDto[]>('GET', '/api/canned-replies');
    expect(seenByAgent.map((r) => r.id)).toContain(shared.id);

    const renamed = await admin.ok<CannedReplyDto>('PATCH', `/api/canned-replies/${shared.id}`, {
      title: 'Warm greeting',
    });
    expect(renamed).toMatchObject({ title: 'Warm greeting', shortcut: 'shared-hi' });

    expect((await stranger.get<CannedReplyDto[]>('/api/canned-replies')).body).toEqual([]);
    expect(
      (await stranger.request('PATCH', `/api/canned-replies/${shared.id}`, { title: 'x' })).status,
    ).toBe(404);
    expect((await stranger.request('DELETE', `/api/canned-replies/${shared.id}`)).status).toBe(404);

    expect((await admin.request('DELETE', `/api/canned-replies/${shared.id}`)).status).toBe(204);
    expect((await agent.ok<CannedReplyDto[]>('GET', '/api/canned-replies')).length).toBe(0);
  });

  it('an agent may not create, edit or delete a shared reply (403), and nothing changes', async () => {
    expect(
      (await agent.post('/api/canned-replies', reply({ scope: 'shared', shortcut: 'nope' })))
        .status,
    ).toBe(403);
    const shared = await admin.ok<CannedReplyDto>(
      'POST',
      '/api/canned-replies',
      reply({ scope: 'shared', shortcut: 'locked' }),
    );
    const edit = await agent.request('PATCH', `/api/canned-replies/${shared.id}`, { body: 'x' });
    expect(edit.status).toBe(403);
    expect((await agent.request('DELETE', `/api/canned-replies/${shared.id}`)).status).toBe(403);
    const list = await admin.ok<CannedReplyDto[]>('GET', '/api/canned-replies');
    expect(list.find((r) => r.id === shared.id)?.body).toBe(shared.body);
    expect(list.some((r) => r.shortcut === 'nope')).toBe(false);
  });

  it('personal replies belong to their owner alone; shortcuts are unique per scope', async () => {
    const mine = await agent.ok<CannedReplyDto>('POST', '/api/canned-replies', reply());
    expect(mine.scope).toBe('personal');
    expect((await agent.post('/api/canned-replies', reply({ title: 'Again' }))).status).toBe(409);
    // The same shortcut in another scope or for another operator is fine.
    await admin.ok('POST', '/api/canned-replies', reply());
    await admin.ok('POST', '/api/canned-replies', reply({ scope: 'shared' }));

    const adminSees = await admin.ok<CannedReplyDto[]>('GET', '/api/canned-replies');
    expect(adminSees.map((r) => r.id)).not.toContain(mine.id);
    // Not even an admin edits someone else's personal reply: it does not exist for them.
    expect(
      (await admin.request('PATCH', `/api/canned-replies/${mine.id}`, { title: 'x' })).status,
    ).toBe(404);

    const edited = await agent.ok<CannedReplyDto>('PATCH', `/api/canned-replies/${mine.id}`, {
      body: 'Edited',
    });
    expect(edited.body).toBe('Edited');
    expect((await agent.request('DELETE', `/api/canned-replies/${mine.id}`)).status).toBe(204);
    expect((await agent.request('DELETE', `/api/canned-replies/${mine.id}`)).status).toBe(404);
  });

  it.each([
    ['empty title', { title: '   ' }, 400],
    ['whitespace in the shortcut', { shortcut: 'two words' }, 400],
    ['an empty body', { body: ' ' }, 400],
    ['a title over 120 characters', { title: 'x'.repeat(121) }, 400],
    ['a control character in the body', { body: 'Hi\u0000there' }, 422],
    ['a control character in the title', { title: 'A\u0007' }, 422],
    ['an unknown scope', { scope: 'team' }, 400],
    ['an attachment id that is no file', { attachmentIds: [crypto.randomUUID()] }, 400],
  ])('refuses %s with a reason and stores nothing', async (_label, over, status) => {
    const before = await admin.ok<CannedReplyDto[]>('GET', '/api/canned-replies');
    const res = await admin.post<{ code: string; message: string }>(
      '/api/canned-replies',
      reply({ shortcut: 'bad', ...over }),
    );
    expect(res.status).toBe(status);
    expect(res.body.message).toBeTruthy();
    expect(await admin.ok<CannedReplyDto[]>('GET', '/api/canned-replies')).toEqual(before);
  });

  it('renders placeholders for a conversation and reports unknown ones', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }),
      'terms.pdf',
    );
    const upload = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
      body: form,
    });
    const file = (await upload.json()) as { id: string };
    const canned = await admin.ok<CannedReplyDto>(
      'POST',
      '/api/canned-replies',
      reply({
        shortcut: 'order',
        body: 'Hi {{contact.first_name}} ({{contact.name}}), {{operator.name}} on #{{conversation.number}}. {{order.id}}',
        attachmentIds: [file.id, file.id],
      }),
    );
    expect(canned.attachments.map((a) => a.filename)).toEqual(['terms.pdf']);

    const rendered = await admin.ok<RenderedCannedReplyDto>(
      'POST',
      `/api/canned-replies/${canned.id}/render`,
      { conversationId: conversation.id },
    );
    expect(rendered).toMatchObject({
      text: `Hi Test (Test Customer), ${adminName} on #${conversation.number}. {{order.id}}`,
      unknownPlaceholders: ['order.id'],
    });
    expect(rendered.attachments.map((a) => a.id)).toEqual([file.id]);

    // Another account's conversation, or a reply the caller cannot see: 404, never rendered.
    expect(
      (
        await stranger.post(`/api/canned-replies/${canned.id}/render`, {
          conversationId: conversation.id,
        })
      ).status,
    ).toBe(404);
    const theirs = await stranger.ok<CannedReplyDto>('POST', '/api/canned-replies', reply());
    expect(
      (
        await admin.post(`/api/canned-replies/${theirs.id}/render`, {
          conversationId: conversation.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await admin.post(`/api/canned-replies/${canned.id}/render`, {
          conversationId: crypto.randomUUID(),
        })
      ).status,
    ).toBe(404);
  });

  it('writes {{inbox.reply_time}} in the customer’s language, else the operator’s', async () => {
    const canned = await admin.ok<CannedReplyDto>(
      'POST',
      '/api/canned-replies',
      reply({ shortcut: 'when', body: 'We reply {{inbox.reply_time}}' }),
    );
    const render = async () =>
      (
        await admin.ok<RenderedCannedReplyDto>('POST', `/api/canned-replies/${canned.id}/render`, {
          conversationId: conversation.id,
        })
      ).text;
    // No schedule: the team answers within minutes. Nobody chose a language: English.
    expect(await render()).toBe('We reply in a few minutes');
    await admin.ok('PATCH', '/api/operators/me', { locale: 'bg' });
    expect(await render()).toBe('We reply до няколко минути');
    // The channel reported the customer's language (Telegram does): the customer's wins.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(
        `UPDATE contact_identities SET language = 'ru-RU'
          WHERE id = (SELECT identity_id FROM conversations WHERE id = $1)`,
        [conversation.id],
      );
    } finally {
      await pg.end();
    }
    expect(await render()).toBe('We reply в течение нескольких минут');
    await admin.ok('PATCH', '/api/operators/me', { locale: null });
  });

  it('refuses an attachment uploaded to another account', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'a.pdf');
    const strangerToken = stranger.token!;
    const upload = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${strangerToken}` },
      body: form,
    });
    const foreignFile = (await upload.json()) as { id: string };
    const res = await admin.post(
      '/api/canned-replies',
      reply({ shortcut: 'foreign', attachmentIds: [foreignFile.id] }),
    );
    expect(res.status).toBe(400);
  });
});
