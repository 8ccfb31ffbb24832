import type {
  ApiErrorDto,
  ConversationCountsDto,
  ConversationSummaryDto,
  MessageDto,
  Page,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues, type Colleagues } from '../accounts/testing/colleagues';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { parseSearchQuery } from '@switchboard/contracts';
import { textSearchPage, textSearchSql, type SearchMode } from './search-sql.repository';
import { SEARCH_COUNT_TIMEOUT_MS, SearchPlanRepository } from './search-plan.repository';

type Feed = Page<ConversationSummaryDto>;

/**
 * Search over all history through the feed's own query: words in any script with their
 * inflections, notes, names, emails, phone digits, `#1042`, tags and filters together, inbox
 * access, and hostile input that must end in a 400, never a 500.
 */
describe('search over all history', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let people: Colleagues;
  /** Closed a year ago: Russian, Bulgarian and Arabic messages and an internal note. */
  let old: ConversationSummaryDto;
  let oldMatch: { russian: string; bulgarian: string; arabic: string };
  /** Open, tagged #payment, the contact has a phone number. */
  let maria: ConversationSummaryDto;
  /** In an inbox the agent may not work. */
  let hidden: ConversationSummaryDto;

  const search = (client: ApiClient, query: string) =>
    client.request<Feed & ApiErrorDto>('GET', `/api/conversations?${query}`);
  const found = async (client: ApiClient, query: string) => {
    const r = await search(client, query);
    if (r.status !== 200) throw new Error(`${query} → ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body.items;
  };
  const ids = async (client: ApiClient, query: string) =>
    (await found(client, query)).map((c) => c.id).sort();
  const q = (text: string, rest = 'status=all') => `${rest}&q=${encodeURIComponent(text)}`;
  const marked = (c: ConversationSummaryDto | undefined) =>
    (c?.match?.snippet ?? []).filter((s) => s.highlight).map((s) => s.text);

  async function conversationOf(customer: ApiChannelCustomer, name: string) {
    const feed = await admin.ok<Feed>('GET', '/api/conversations?status=open&limit=100');
    const conv = feed.items.find((c) => c.contact.name === name && c.inboxId === customer.inboxId);
    if (!conv) throw new Error(`no conversation of ${name}`);
    return conv;
  }

  const messageIdWith = async (conversationId: string, text: string) => {
    const page = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conversationId}/messages?limit=100`,
    );
    return page.items.find((m) => m.text === text)!.id;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    people = await addColleagues(api);
    const shop = await createApiInbox(admin, 'Shop');
    const billing = await createApiInbox(admin, 'Billing');
    await admin.ok('PUT', `/api/inboxes/${billing.inbox.id}/access`, {
      operatorIds: [session.login.operator.id],
      teamIds: [],
    });

    const ivan = { id: 'ivan', name: 'Ivan Petrov', email: 'ivan.petrov@example.test' };
    const texts = {
      russian: 'Здравствуйте! Пришлите, пожалуйста, счета за октябрь.',
      bulgarian: 'Къде е поръчката ми? Чакам от седмица.',
      arabic: 'متى يصل الطلب الخاص بي؟',
    };
    for (const text of Object.values(texts)) await shop.customer.say(text, undefined, ivan);
    old = await conversationOf(shop.customer, 'Ivan Petrov');
    await admin.ok('POST', `/api/conversations/${old.id}/messages`, {
      kind: 'note',
      text: 'Refunded the duplicate charge by hand',
    });
    oldMatch = {
      russian: await messageIdWith(old.id, texts.russian),
      bulgarian: await messageIdWith(old.id, texts.bulgarian),
      arabic: await messageIdWith(old.id, texts.arabic),
    };
    await admin.ok('POST', `/api/conversations/${old.id}/close`);
    // A year ago: the conversation and every message in it.
    const yearAgo = (column: string) => () => `${column} - interval '1 year'`;
    await api.dataSource
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ lastActivityAt: yearAgo('last_activity_at'), createdAt: yearAgo('created_at') })
      .where('id = :id', { id: old.id })
      .execute();
    await api.dataSource
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ createdAt: yearAgo('created_at') })
      .where('conversation_id = :id', { id: old.id })
      .execute();

    const mariaFrom = { id: 'maria', name: 'Maria Lopez', email: 'maria@shop.test' };
    await shop.customer.say('The payment failed again, card declined', undefined, mariaFrom);
    maria = await conversationOf(shop.customer, 'Maria Lopez');
    await api.dataSource
      .getRepository(ContactEntity)
      .update({ id: maria.contact.id }, { phone: '+14155550123' });
    await admin.ok('POST', `/api/conversations/${maria.id}/tags`, { name: 'payment' });

    await billing.customer.say('Счёт оплачен, спасибо', undefined, { id: 'olga', name: 'Olga' });
    hidden = await conversationOf(billing.customer, 'Olga');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('finds Cyrillic, Bulgarian and Arabic words with their inflections in a closed conversation from a year ago', async () => {
    const russian = (await found(admin, q('счёт'))).find((c) => c.id === old.id);
    expect(russian?.status).toBe('closed');
    expect(Date.parse(russian!.lastActivityAt)).toBeLessThan(Date.now() - 300 * 86_400_000);
    expect(russian?.match?.messageId).toBe(oldMatch.russian);
    expect(marked(russian)).toEqual(['счета']);
    expect(russian?.match?.snippet.map((s) => s.text).join('')).toContain('Пришлите');

    const bulgarian = await found(admin, q('поръчка'));
    expect(bulgarian.map((c) => c.id)).toEqual([old.id]);
    expect(bulgarian[0]?.match?.messageId).toBe(oldMatch.bulgarian);
    expect(marked(bulgarian[0])).toEqual(['поръчката']);

    const arabic = await found(admin, q('الطلب'));
    expect(arabic.map((c) => c.id)).toEqual([old.id]);
    expect(arabic[0]?.match?.messageId).toBe(oldMatch.arabic);
    expect(marked(arabic[0])).toEqual(['الطلب']);

    // Inflections in English too, and an internal note is searched like any message.
    const note = await found(admin, q('refund charges'));
    expect(note.map((c) => c.id)).toEqual([old.id]);
    expect(marked(note[0])).toEqual(['Refunded', 'charge']);
    // A phrase: its words in order.
    expect(await ids(admin, q('"счета за октябрь"'))).toEqual([old.id]);
    expect(await ids(admin, q('"октябрь за счета"'))).toEqual([]);
  });

  it('finds customers by name, email and phone digits in any format, and conversations by #number', async () => {
    expect(await ids(admin, q('petrov'))).toEqual([old.id]);
    expect(await ids(admin, q('ivan.petrov@exam'))).toEqual([old.id]);
    for (const phone of ['555-0123', '+1 (415) 555', '4155550'])
      expect(await ids(admin, q(phone))).toEqual([maria.id]);
    expect(await ids(admin, q(`#${old.number}`))).toEqual([old.id]);
    expect(await ids(admin, q(`#${maria.number} payment`))).toEqual([maria.id]);
    expect(await ids(admin, q(`#${old.number} payment`))).toEqual([]);
  });

  it('combines words, #tags, status, inbox, channel, assignee and dates', async () => {
    expect(await ids(admin, q('#payment'))).toEqual([maria.id]);
    expect(await ids(admin, q('#payment declined', 'status=open'))).toEqual([maria.id]);
    expect(await ids(admin, q('#payment declined', 'status=closed'))).toEqual([]);
    expect(await ids(admin, q('счёт', 'status=closed'))).toEqual([old.id]);
    expect(await ids(admin, q('счёт', `status=all&inboxId=${maria.inboxId}`))).toEqual([old.id]);
    expect(await ids(admin, q('declined', 'status=all&channel=api&assignee=unassigned'))).toEqual([
      maria.id,
    ]);
    expect(await ids(admin, q('declined', 'status=all&channel=email'))).toEqual([]);
    const me = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    await admin.ok('POST', `/api/conversations/${maria.id}/assign`, { assigneeId: me });
    expect(await ids(admin, q('declined', `status=all&assigneeId=${me}`))).toEqual([maria.id]);
    expect(await ids(admin, q('declined', 'status=all&assignee=unassigned'))).toEqual([]);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    expect(await ids(admin, q('счёт', `status=all&to=${monthAgo}`))).toEqual([old.id]);
    expect(await ids(admin, q('счёт', `status=all&from=${monthAgo}`))).toEqual([hidden.id]);
    const counts = await admin.ok<ConversationCountsDto>(
      'GET',
      `/api/conversations/counts?q=${encodeURIComponent('счёт')}`,
    );
    expect(counts).toEqual({ open: 1, snoozed: 0, closed: 1, nextSnoozeDueInMs: null });
  });

  it('pages search results with the keyset cursor, newest activity first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Feed = await admin.ok(
        'GET',
        `/api/conversations?${q('счёт')}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([hidden.id, old.id]);
  });

  it('finds the same conversations whichever way a page looks for messages (common, walk, rare)', async () => {
    const account = (
      await api.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id: old.id })
    ).accountId;
    const idsIn = async (text: string, mode: SearchMode) => {
      const parsed = parseSearchQuery(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      const sql = textSearchSql(parsed.query)!;
      const rows = await api.dataSource
        .createQueryBuilder(ConversationEntity, 'c')
        .select('c.id', 'id')
        .where('c.account_id = :accountId')
        .andWhere(textSearchPage(sql, 'c.account_id = :accountId', 31, mode))
        .setParameters({ ...sql.params, accountId: account })
        .getRawMany<{ id: string }>();
      return rows.map((r) => r.id).sort();
    };
    for (const [text, expected] of [
      ['счёт', [old.id, hidden.id]],
      ['поръчка', [old.id]],
      ['declined payment', [maria.id]],
      ['"счета за октябрь"', [old.id]],
      ['nothing-like-this', []],
    ] as const) {
      for (const mode of ['common', 'walk', 'rare'] as const)
        expect({ text, mode, ids: await idsIn(text, mode) }).toEqual({
          text,
          mode,
          ids: [...expected].sort(),
        });
    }
  });

  it('pages a tag filter over every status, newest first, whichever way the page is found', async () => {
    await admin.ok('POST', `/api/conversations/${old.id}/tags`, { name: 'Payment' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Feed = await admin.ok(
        'GET',
        `/api/conversations?status=all&tag=payment&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([maria.id, old.id]);
    expect(await ids(admin, 'status=closed&tag=payment')).toEqual([old.id]);
    expect(await ids(admin, 'status=all&tag=payment&tag=nothing')).toEqual([]);
  });

  it('gives up counting a search after its time limit instead of holding a connection', async () => {
    const plan = api.app.get(SearchPlanRepository);
    const started = Date.now();
    // raw SQL: a statement that outlasts the limit, as counting a very common word would.
    const slow = await plan.withinCountTime((em) => em.query('SELECT pg_sleep(10)'));
    expect(slow).toBeNull();
    expect(Date.now() - started).toBeLessThan(SEARCH_COUNT_TIMEOUT_MS + 2_000);
    expect(await plan.withinCountTime(async (em) => em.query('SELECT 1 AS one'))).toEqual([
      { one: 1 },
    ]);
  });

  it('respects inbox access and accounts: an agent without access and another account find nothing of it', async () => {
    expect(await ids(admin, q('счёт'))).toEqual([old.id, hidden.id].sort());
    expect(await ids(people.agent, q('счёт'))).toEqual([old.id]);
    expect(await ids(people.agent, q('оплачен'))).toEqual([]);
    expect(await ids(people.agent, q('Olga'))).toEqual([]);
    const agentCounts = await people.agent.ok<ConversationCountsDto>(
      'GET',
      `/api/conversations/counts?q=${encodeURIComponent('оплачен')}`,
    );
    expect(agentCounts).toEqual({ open: 0, snoozed: 0, closed: 0, nextSnoozeDueInMs: null });
    expect(await ids(people.stranger, q('счёт'))).toEqual([]);
    expect(await ids(people.stranger, q(`#${old.number}`))).toEqual([]);
  });

  it('answers unbalanced quotes, too many words and 10 KB of text with a 400 and its reason', async () => {
    for (const [text, reason] of [
      ['"счёт', 'Unbalanced quote'],
      ['a b c d e f g h i j k', 'Too many words'],
      ['x'.repeat(10_000), 'longer than 500'],
    ] as const) {
      for (const path of ['/api/conversations?', '/api/conversations/counts?']) {
        const r = await admin.request<ApiErrorDto>('GET', `${path}${q(text)}`);
        expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect(r.body.message).toContain(reason);
      }
    }
  });

  it('never turns typed text into SQL or a tsquery error (fuzzed through HTTP)', async () => {
    const alphabet = [
      ...`:*&|!()<>'\\"%_-@#.,;`,
      ' ',
      ' ',
      'a',
      'я',
      'ل',
      '1',
      '\u0301',
      '\u{1F600}',
      ':*',
      '<->',
      '<2>',
      "''",
      '\\\\',
      'OR',
      '--',
      ';DROP TABLE messages;',
    ];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 60; i++) {
      let text = '';
      for (let j = 0, len = 1 + random(24); j < len; j++) text += alphabet[random(alphabet.length)];
      const r = await search(admin, q(text));
      expect({ text, status: r.status }).toEqual({ text, status: r.status === 400 ? 400 : 200 });
    }
    expect(await api.dataSource.getRepository(MessageEntity).count()).toBeGreaterThan(0);
  });
});
