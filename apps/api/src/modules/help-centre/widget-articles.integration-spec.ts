import type {
  ConversationSummaryDto,
  InboxDto,
  Page,
  ViewedArticlesDto,
  WidgetArticleDto,
  WidgetArticleHitsDto,
} from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createAccount } from '../accounts/create-account';
import { WidgetVisitorClient } from '../webchat/testing/widget-visitor-client';
import { KbArticleViewEntity } from './entities/kb-article-view.entity';
import { KbSeed } from './testing/kb-seed';

const SHOP = 'https://shop.example';

/**
 * The widget's articles over HTTP: search and suggestions scoped to the inbox's account and to
 * published versions, the reader recording views, and the operator's "viewed before writing".
 */
describe('widget articles', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let chat: InboxDto;
  let ours: Record<string, string>;
  let draft: Record<string, string>;
  let foreign: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    chat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'kb-webchat-secret-0123456789abcdefghij' },
    });
    const seed = await KbSeed.forDeployment(api.dataSource);
    ours = await seed.article(null, [
      {
        locale: 'ru',
        title: 'Как вернуть товар',
        slug: 'возврат',
        bodyHtml: '<p>Откройте заказы и нажмите «Вернуть товар».</p>',
      },
    ]);
    draft = await seed.article(null, [
      {
        locale: 'ru',
        title: 'Черновик: вернуть деньги',
        slug: 'деньги',
        bodyHtml: '<p>Вернуть товар позже.</p>',
        status: 'draft',
      },
    ]);
    const otherAccount = await api.dataSource.transaction((em) => createAccount(em, 'Other'));
    foreign = await new KbSeed(api.dataSource, otherAccount).article(null, [
      {
        locale: 'ru',
        title: 'Чужая статья: вернуть товар',
        slug: 'чужая',
        bodyHtml: '<p>Вернуть товар.</p>',
      },
    ]);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('finds, suggests and opens only this account’s published articles; the operator sees what was read', async () => {
    const visitor = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    expect((await visitor.request('GET', '/articles?q=товар')).status).toBe(401);
    await visitor.session();

    const search = await visitor.request<WidgetArticleHitsDto>(
      'GET',
      `/articles?q=${encodeURIComponent('вернуть товар')}&locale=ru`,
    );
    expect(search.status).toBe(200);
    expect(search.body.items.map((h) => h.title)).toEqual(['Как вернуть товар']);
    const typed = encodeURIComponent('Здравствуйте, хочу вернуть товар');
    const suggest = await visitor.request<WidgetArticleHitsDto>(
      'GET',
      `/articles?q=${typed}&suggest=1&limit=3`,
    );
    expect(suggest.body.items.map((h) => h.versionId)).toEqual([ours['ru']]);

    for (const id of [draft['ru'], foreign['ru'], 'not-a-uuid']) {
      expect((await visitor.request('GET', `/articles/${id ?? ''}`)).status).not.toBe(200);
    }
    const opened = await visitor.request<WidgetArticleDto>('GET', `/articles/${ours['ru'] ?? ''}`);
    expect(opened.status).toBe(200);
    expect(opened.body.bodyHtml).toContain('Откройте заказы');
    expect(decodeURI(opened.body.url)).toBe(`${api.baseUrl}/help/ru/возврат`);
    expect(await api.dataSource.getRepository(KbArticleViewEntity).count()).toBe(1);

    // Another visitor's reads are not this customer's.
    const other = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await other.session();
    await other.request('GET', `/articles/${ours['ru'] ?? ''}`);

    expect((await visitor.say('Хочу вернуть товар')).status).toBe(200);
    // Read after the conversation started: not "before writing".
    await visitor.request('GET', `/articles/${ours['ru'] ?? ''}`);
    const feed = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    const conversation = feed.items.find((c) => c.lastMessagePreview === 'Хочу вернуть товар');
    const viewed = await admin.ok<ViewedArticlesDto>(
      'GET',
      `/api/conversations/${conversation?.id ?? ''}/viewed-articles`,
    );
    expect(viewed.items).toHaveLength(1);
    expect(viewed.items[0]).toMatchObject({ versionId: ours['ru'], title: 'Как вернуть товар' });
    expect(Date.parse(viewed.items[0]?.viewedAt ?? '')).toBeLessThan(
      Date.parse(conversation?.createdAt ?? ''),
    );
  });
});
