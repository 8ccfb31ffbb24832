import type { KbArticleDto, KbArticleListItemDto, KbSearchHitDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues } from '../accounts/testing/colleagues';
import { AccountEntity } from '../accounts/entities/account.entity';
import { PublishedArticlesService } from './published-articles.service';

/** What readers get: published versions only, found in any language, with votes. */
describe('knowledge base (search and published reads)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let stranger: ApiClient;
  let accountId: string;
  let published: PublishedArticlesService;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    ({ agent, stranger } = await addColleagues(api));
    const [account] = await api.dataSource.getRepository(AccountEntity).find({ take: 1 });
    accountId = account!.id;
    published = api.app.get(PublishedArticlesService);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** A new article with one language written (a draft unless `status` says otherwise). */
  async function write(
    client: ApiClient,
    locale: string,
    body: Record<string, unknown>,
    categoryId: string | null = null,
  ): Promise<KbArticleDto> {
    const article = await client.ok<KbArticleDto>('POST', '/api/kb/articles', { categoryId });
    return client.ok<KbArticleDto>(
      'PUT',
      `/api/kb/articles/${article.id}/versions/${locale}`,
      body,
    );
  }

  it('search: English, Russian stems, Arabic; drafts for operators only', async () => {
    const en = await write(admin, 'en', {
      title: 'Refund policy',
      bodyHtml: '<p>We refund purchases within thirty days of delivery.</p>',
      status: 'published',
    });
    await write(admin, 'ru', {
      title: 'Оплата картой',
      bodyHtml: '<p>Оплата проходит сразу после подтверждения заказа.</p>',
      status: 'published',
    });
    await write(admin, 'ar', {
      title: 'سياسة الاسترداد',
      bodyHtml: '<p>يمكنك استرداد المبلغ خلال ثلاثين يوما</p>',
      status: 'published',
    });
    const draft = await write(admin, 'en', {
      title: 'Secret roadmap refunds',
      bodyHtml: '<p>Unreleased refunds plan.</p>',
    });

    const hits = await published.search(accountId, 'refunds', { limit: 10 });
    expect(hits.map((h) => h.articleId)).toContain(en.id);
    expect(hits.map((h) => h.articleId)).not.toContain(draft.id);
    expect(hits.find((h) => h.articleId === en.id)!.url).toMatch(/\/help\/en\/refund-policy$/);
    expect(hits[0]!.snippet).toContain('refund');

    const ru = await published.search(accountId, 'оплаты', { limit: 10 });
    expect(ru.map((h) => h.title)).toContain('Оплата картой');
    expect(ru[0]!.url).toMatch(/^http:\/\/.+\/help\/ru\/оплата-картой$/);
    const ar = await published.search(accountId, 'الاسترداد', { locale: 'ar', limit: 10 });
    expect(ar.map((h) => h.title)).toEqual(['سياسة الاسترداد']);
    expect(await published.search(accountId, 'оплаты', { locale: 'en', limit: 10 })).toEqual([]);
    expect(await published.search(accountId, "') OR 1=1 --", { limit: 10 })).toEqual([]);
    expect(await published.search(accountId, '"unbalanced', { limit: 10 })).toEqual([]);

    const operatorHits = await agent.ok<KbSearchHitDto[]>('GET', '/api/kb/search?q=refunds');
    expect(operatorHits.map((h) => h.articleId)).toEqual(expect.arrayContaining([en.id, draft.id]));
    const pickerHits = await agent.ok<KbSearchHitDto[]>(
      'GET',
      '/api/kb/search?q=refunds&status=published',
    );
    expect(pickerHits.map((h) => h.articleId)).not.toContain(draft.id);
    const listed = await agent.ok<KbArticleListItemDto[]>('GET', '/api/kb/articles?q=оплаты');
    expect(listed.map((a) => a.versions.map((v) => v.title)).flat()).toContain('Оплата картой');
    expect(await stranger.ok<KbSearchHitDto[]>('GET', '/api/kb/search?q=refunds')).toEqual([]);
  });

  it('published reads: by slug, other languages, feedback once per reader', async () => {
    const article = await write(admin, 'en', {
      title: 'Reset your password',
      bodyHtml: '<p>Use the link.</p>',
      status: 'published',
    });
    await admin.ok('PUT', `/api/kb/articles/${article.id}/versions/ru`, {
      title: 'Сброс пароля',
      bodyHtml: '<p>Ссылка.</p>',
      status: 'published',
    });
    const read = await published.findPublished(accountId, 'en', 'reset-your-password');
    expect(read).toMatchObject({ title: 'Reset your password', excerpt: 'Use the link.' });
    expect(read!.otherLocales).toEqual([{ locale: 'ru', slug: 'сброс-пароля' }]);
    await published.recordFeedback(accountId, read!.versionId, 'reader-1', true);
    await published.recordFeedback(accountId, read!.versionId, 'reader-1', false);
    await published.recordFeedback(accountId, read!.versionId, 'reader-2', false);
    const again = await published.findPublishedById(accountId, read!.versionId);
    expect(again).toMatchObject({ helpful: 0, unhelpful: 2 });
    const list = await published.listPublished(accountId, 'ru');
    expect(list.map((s) => s.slug)).toContain('сброс-пароля');
    await admin.ok('POST', `/api/kb/articles/${article.id}/versions/en/unpublish`);
    expect(await published.findPublished(accountId, 'en', 'reset-your-password')).toBeNull();
    expect(await published.findPublishedById(accountId, 'not-a-uuid')).toBeNull();
  });
});
