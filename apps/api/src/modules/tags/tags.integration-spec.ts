import type {
  ApiErrorDto,
  ConversationSummaryDto,
  LoginResponseDto,
  MessageDto,
  Page,
  TagDto,
} from '@switchboard/contracts';
import { tagKey } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues } from '../accounts/testing/colleagues';

/**
 * Tags end to end over REST and the stream: adding by name (created on the fly, any script, any
 * case), removing, the feed's `tag=` filter, the admin's rename / merge / delete, bad names, and
 * another account's tags and conversations.
 */
describe('tags', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let stranger: ApiClient;
  let login: LoginResponseDto;
  const byName: Record<string, ConversationSummaryDto> = {};
  const customers: Record<string, () => Promise<unknown>> = {};

  const idOf = (name: string) => byName[name]!.id;
  const addTag = (client: ApiClient, who: string, name: string) =>
    client.request<ConversationSummaryDto>('POST', `/api/conversations/${idOf(who)}/tags`, {
      name,
    });
  const tagged = async (...tags: string[]) => {
    const query = tags.map((t) => `tag=${encodeURIComponent(t)}`).join('&');
    const page = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?status=open&${query}`,
    );
    return page.items.map((c) => c.contact.name).sort();
  };
  const tagList = () => admin.ok<TagDto[]>('GET', '/api/tags');
  const tagNamed = async (name: string) => (await tagList()).find((t) => t.name === name)!;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    login = session.login;
    const colleagues = await addColleagues(api);
    agent = colleagues.agent;
    stranger = colleagues.stranger;
    const { inbox, signingSecret } = await createApiInbox(admin, 'Support');
    for (const p of [
      { id: 'ada', name: 'Ada', email: 'ada@example.test' },
      { id: 'bob', name: 'Bob', email: 'bob@example.test' },
      { id: 'cy', name: 'Cy', email: 'cy@example.test' },
    ]) {
      const customer = new ApiChannelCustomer(api.baseUrl, inbox.id, signingSecret);
      expect((await customer.say(`Hello from ${p.name}`, undefined, p)).status).toBe(200);
      customers[p.name] = () => customer.say('Me again', undefined, p);
    }
    const all = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    for (const c of all.items) byName[c.contact.name ?? ''] = c;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('adds a tag by name, live to another operator, with an activity in the timeline', async () => {
    const colleague = await RecordingOperatorSocket.connect(api.baseUrl, login.token);
    try {
      const res = await addTag(agent, 'Ada', '  #Payment ');
      expect(res.status).toBe(200);
      expect(res.body.tags).toEqual([{ id: expect.any(String), name: 'Payment', color: 'gray' }]);

      await colleague.waitFor((events) =>
        events.some(
          (e) =>
            e.type === 'conversation.updated' &&
            e.payload.conversation.id === idOf('Ada') &&
            e.payload.conversation.tags.some((t) => t.name === 'Payment'),
        ),
      );
      const activity = colleague.events.find(
        (e) => e.type === 'message.created' && e.payload.message.activity?.type === 'tag_added',
      );
      expect(activity?.type === 'message.created' && activity.payload.message.activity).toEqual({
        type: 'tag_added',
        by: { id: expect.any(String), name: 'Agnes Agent' },
        tag: 'Payment',
      });
    } finally {
      colleague.close();
    }
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${idOf('Ada')}/messages`,
    );
    expect(timeline.items.some((m) => m.activity?.type === 'tag_added')).toBe(true);
    // The list and the detail carry the tags too.
    const detail = await admin.ok<ConversationSummaryDto>(
      'GET',
      `/api/conversations/${idOf('Ada')}`,
    );
    expect(detail.tags.map((t) => t.name)).toEqual(['Payment']);
  });

  it('the same name in another case is the same tag, in Latin, Cyrillic and Arabic', async () => {
    expect((await addTag(admin, 'Bob', 'PAYMENT')).body.tags.map((t) => t.name)).toEqual([
      'Payment',
    ]);
    await addTag(admin, 'Ada', 'Оплата');
    expect((await addTag(admin, 'Bob', 'оплата')).body.tags.map((t) => t.name)).toEqual([
      'Payment',
      'Оплата',
    ]);
    await addTag(admin, 'Cy', 'دفع');
    await addTag(admin, 'Ada', 'دفع');
    // A decomposed "й" (и + combining breve) is the composed one.
    await addTag(admin, 'Cy', 'Пей');
    expect((await addTag(admin, 'Ada', 'пе\u0438\u0306')).body.tags.map((t) => t.name)).toContain(
      'Пей',
    );
    // Adding a tag the conversation has is no change: no second activity.
    const before = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${idOf('Bob')}/messages`,
    );
    await addTag(admin, 'Bob', 'payment');
    const after = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${idOf('Bob')}/messages`,
    );
    expect(after.items).toHaveLength(before.items.length);

    const names = (await tagList()).map((t) => [t.name, t.conversationCount]);
    expect(names).toEqual([
      ['Payment', 2],
      ['Оплата', 2],
      ['Пей', 2],
      ['دفع', 2],
    ]);
  });

  it('filters the feed and the counts by one tag and by several (all must match), any case', async () => {
    expect(await tagged('payment')).toEqual(['Ada', 'Bob']);
    expect(await tagged('ОПЛАТА')).toEqual(['Ada', 'Bob']);
    expect(await tagged('دفع')).toEqual(['Ada', 'Cy']);
    expect(await tagged('Оплата', 'دفع')).toEqual(['Ada']);
    expect(await tagged('payment', 'nonexistent')).toEqual([]);
    expect(await tagged('payment', 'PAYMENT')).toEqual(['Ada', 'Bob']);
    expect(await tagged('#Payment ', '')).toEqual(['Ada', 'Bob']);
    const counts = await admin.ok<{ open: number }>(
      'GET',
      `/api/conversations/counts?tag=${encodeURIComponent('دفع')}`,
    );
    expect(counts.open).toBe(2);
  });

  it('removes a tag from a conversation, with an activity', async () => {
    const payment = await tagNamed('Payment');
    const res = await admin.request<ConversationSummaryDto>(
      'DELETE',
      `/api/conversations/${idOf('Bob')}/tags/${payment.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.tags.map((t) => t.name)).toEqual(['Оплата']);
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${idOf('Bob')}/messages`,
    );
    expect(timeline.items.map((m) => m.activity?.type)).toContain('tag_removed');
    expect(await tagged('payment')).toEqual(['Ada']);
  });

  it('refuses empty, blank, too long and control-character names with 422 and the reason', async () => {
    const bad: Array<[string, string]> = [
      ['', 'INVALID_TAG_NAME'],
      ['   \t ', 'INVALID_TAG_NAME'],
      ['#', 'INVALID_TAG_NAME'],
      ['x'.repeat(65), 'INVALID_TAG_NAME'],
      ['bad\u0000tag', 'INVALID_CHARACTERS'],
      ['bad\u0007tag', 'INVALID_CHARACTERS'],
    ];
    for (const [name, code] of bad) {
      const res = await addTag(admin, 'Cy', name);
      expect([name, res.status, (res.body as unknown as ApiErrorDto).code]).toEqual([
        name,
        422,
        code,
      ]);
      expect((res.body as unknown as ApiErrorDto).message).toMatch(/empty|longer|control/);
    }
    // 64 characters of a non-Latin script is fine.
    expect((await addTag(admin, 'Cy', 'ж'.repeat(64))).status).toBe(200);
    expect((await tagList()).some((t) => t.name.startsWith('ж'))).toBe(true);
  });

  it('renames and recolours (admins only); a name another tag has is a conflict', async () => {
    const pay = await tagNamed('Payment');
    expect((await agent.request('PATCH', `/api/tags/${pay.id}`, { color: 'red' })).status).toBe(
      403,
    );
    const conflict = await admin.request('PATCH', `/api/tags/${pay.id}`, { name: 'оплата' });
    expect(conflict.status).toBe(409);
    const renamed = await admin.ok<TagDto>('PATCH', `/api/tags/${pay.id}`, {
      name: 'Billing',
      color: 'green',
    });
    expect(renamed).toMatchObject({ name: 'Billing', color: 'green', conversationCount: 1 });
    expect(await tagged('billing')).toEqual(['Ada']);
    expect(await tagged('payment')).toEqual([]);
    // Only the case changes: allowed, it is the same tag.
    expect((await admin.ok<TagDto>('PATCH', `/api/tags/${pay.id}`, { name: 'billing' })).name).toBe(
      'billing',
    );
    expect((await admin.request('PATCH', `/api/tags/${pay.id}`, { name: ' ' })).status).toBe(422);
  });

  it('merges one tag into another: every link moves, none twice, live', async () => {
    const arabic = await tagNamed('دفع'); // Ada, Cy
    const russian = await tagNamed('Оплата'); // Ada, Bob
    const colleague = await RecordingOperatorSocket.connect(api.baseUrl, login.token);
    try {
      expect(
        (await agent.request('POST', `/api/tags/${arabic.id}/merge`, { targetId: russian.id }))
          .status,
      ).toBe(403);
      expect(
        (await admin.request('POST', `/api/tags/${arabic.id}/merge`, { targetId: arabic.id }))
          .status,
      ).toBe(400);
      const merged = await admin.ok<TagDto>('POST', `/api/tags/${arabic.id}/merge`, {
        targetId: russian.id,
      });
      expect(merged).toMatchObject({ id: russian.id, conversationCount: 3 });
      await colleague.waitFor((events) =>
        events.some(
          (e) =>
            e.type === 'conversation.updated' &&
            e.payload.conversation.id === idOf('Cy') &&
            e.payload.conversation.tags.some((t) => t.id === russian.id),
        ),
      );
    } finally {
      colleague.close();
    }
    expect(await tagged('оплата')).toEqual(['Ada', 'Bob', 'Cy']);
    expect((await tagList()).some((t) => t.id === arabic.id)).toBe(false);
    const ada = await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${idOf('Ada')}`);
    expect(ada.tags.filter((t) => t.id === russian.id)).toHaveLength(1);
  });

  it('deletes a tag from the account and every conversation', async () => {
    const pei = await tagNamed('Пей');
    expect((await agent.request('DELETE', `/api/tags/${pei.id}`)).status).toBe(403);
    expect((await admin.request('DELETE', `/api/tags/${pei.id}`)).status).toBe(204);
    expect(await tagged('пей')).toEqual([]);
    const cy = await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${idOf('Cy')}`);
    expect(cy.tags.map((t) => t.name)).not.toContain('Пей');
    expect((await admin.request('DELETE', `/api/tags/${pei.id}`)).status).toBe(404);
  });

  it('another account sees none of the tags and cannot touch them or the conversations', async () => {
    const tag = await tagNamed('Оплата');
    expect(await stranger.ok<TagDto[]>('GET', '/api/tags')).toEqual([]);
    expect((await addTag(stranger, 'Ada', 'intrusion')).status).toBe(404);
    expect(
      (await stranger.request('DELETE', `/api/conversations/${idOf('Ada')}/tags/${tag.id}`)).status,
    ).toBe(404);
    expect((await stranger.request('PATCH', `/api/tags/${tag.id}`, { color: 'red' })).status).toBe(
      404,
    );
    expect(
      (await stranger.request('POST', `/api/tags/${tag.id}/merge`, { targetId: tag.id })).status,
    ).toBe(404);
    expect((await stranger.request('DELETE', `/api/tags/${tag.id}`)).status).toBe(404);
    // Their own tag of the same name is theirs alone; it does not reveal ours in their feed.
    const theirs = await stranger.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?tag=${encodeURIComponent('оплата')}`,
    );
    expect(theirs.items).toEqual([]);
    // Removing one of our tags from our conversation by its id stays 404 for a foreign tag id.
    const res = await admin.request(
      'DELETE',
      `/api/conversations/${idOf('Ada')}/tags/00000000-0000-0000-0000-000000000000`,
    );
    expect(res.status).toBe(404);
  });

  it('a new customer message (the ingest fast path) carries the tags in its stream summary', async () => {
    const colleague = await RecordingOperatorSocket.connect(api.baseUrl, login.token);
    try {
      await customers['Bob']!();
      await colleague.waitFor((events) =>
        events.some((e) => e.type === 'message.created' && e.conversationId === idOf('Bob')),
      );
      const event = colleague.events.find(
        (e) => e.type === 'message.created' && e.conversationId === idOf('Bob'),
      );
      const rest = await admin.ok<ConversationSummaryDto>(
        'GET',
        `/api/conversations/${idOf('Bob')}`,
      );
      expect(rest.tags.length).toBeGreaterThan(0);
      expect(event?.type === 'message.created' && event.payload.conversation.tags).toEqual(
        rest.tags,
      );
    } finally {
      colleague.close();
    }
  });

  it('operators adding one new name at the same time make one tag, linked once each', async () => {
    const results = await Promise.all(
      ['Ada', 'Bob', 'Cy', 'Ada', 'Bob', 'Cy'].map((who, i) =>
        addTag(i % 2 ? agent : admin, who, i % 2 ? 'ГОНКА' : 'гонка'),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const race = (await tagList()).filter((t) => tagKey(t.name) === 'гонка');
    expect(race).toHaveLength(1);
    expect(race[0]?.conversationCount).toBe(3);
    expect(await tagged('Гонка')).toEqual(['Ada', 'Bob', 'Cy']);
  });
});
