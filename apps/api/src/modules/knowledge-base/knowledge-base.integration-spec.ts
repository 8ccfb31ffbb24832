import type {
  AuditLogEntryDto,
  ConversationSummaryDto,
  KbArticleDto,
  KbArticleListItemDto,
  KbCategoryDto,
  MessageDto,
  Page,
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
import { PublishedArticlesService } from './published-articles.service';

describe('knowledge base (operators)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let stranger: ApiClient;
  let published: PublishedArticlesService;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    ({ agent, stranger } = await addColleagues(api));
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

  it('categories: admins create, rename and order them; everyone reads them', async () => {
    const billing = await admin.ok<KbCategoryDto>('POST', '/api/kb/categories', {
      slug: 'billing',
      names: { en: 'Billing', ru: 'Оплата' },
    });
    const start = await admin.ok<KbCategoryDto>('POST', '/api/kb/categories', {
      slug: 'getting-started',
      names: { en: 'Getting started' },
    });
    expect(start.position).toBe(billing.position + 1);
    const dup = await admin.request('POST', '/api/kb/categories', { slug: 'billing', names: {} });
    expect(dup.status).toBe(409);
    const renamed = await admin.ok<KbCategoryDto>('PUT', `/api/kb/categories/${billing.id}`, {
      slug: 'payments',
      names: { en: 'Payments', ar: 'الدفع' },
    });
    expect(renamed).toMatchObject({ slug: 'payments', names: { en: 'Payments', ar: 'الدفع' } });
    await admin.ok('POST', '/api/kb/categories/reorder', { ids: [start.id, billing.id] });
    const listed = await agent.ok<KbCategoryDto[]>('GET', '/api/kb/categories');
    expect(listed.map((c) => c.slug)).toEqual(['getting-started', 'payments']);
    expect(
      (await agent.request('POST', '/api/kb/categories', { slug: 'x', names: {} })).status,
    ).toBe(403);
    const partial = await admin.request('POST', '/api/kb/categories/reorder', { ids: [start.id] });
    expect(partial.status).toBe(400);
  });

  it('language versions: each has its own title, slug and status', async () => {
    const [category] = await admin.ok<KbCategoryDto[]>('GET', '/api/kb/categories');
    const article = await write(
      admin,
      'en',
      {
        title: 'How to change the payment method',
        bodyHtml: '<p>Open <strong>Billing</strong>.</p>',
      },
      category!.id,
    );
    expect(article.versions).toHaveLength(1);
    expect(article.versions[0]).toMatchObject({
      locale: 'en',
      slug: 'how-to-change-the-payment-method',
      status: 'draft',
      publishedAt: null,
    });
    const withRu = await admin.ok<KbArticleDto>(
      'PUT',
      `/api/kb/articles/${article.id}/versions/ru`,
      {
        title: 'Как изменить способ оплаты?',
        bodyHtml: '<h2>Шаги</h2><ol><li>Откройте раздел оплата</li></ol>',
        status: 'published',
      },
    );
    const ru = withRu.versions.find((v) => v.locale === 'ru')!;
    expect(ru).toMatchObject({ slug: 'как-изменить-способ-оплаты', status: 'published' });
    expect(ru.publishedAt).not.toBeNull();
    const ar = await admin.ok<KbArticleDto>('PUT', `/api/kb/articles/${article.id}/versions/ar`, {
      title: 'كيف أغيّر طريقة الدفع؟',
      bodyHtml: '<p>افتح صفحة الفواتير</p>',
    });
    expect(ar.versions.find((v) => v.locale === 'ar')!.slug).toBe('كيف-أغير-طريقة-الدفع');
    const bad = await admin.request('PUT', `/api/kb/articles/${article.id}/versions/de`, {
      title: 'x',
      bodyHtml: '',
    });
    expect(bad.status).toBe(400);

    // Publishing and unpublishing one language leaves the others as they are.
    await admin.ok('POST', `/api/kb/articles/${article.id}/versions/en/publish`);
    const after = await admin.ok<KbArticleDto>(
      'POST',
      `/api/kb/articles/${article.id}/versions/ru/unpublish`,
    );
    expect(Object.fromEntries(after.versions.map((v) => [v.locale, v.status]))).toEqual({
      ar: 'draft',
      en: 'published',
      ru: 'draft',
    });
    const list = await agent.ok<KbArticleListItemDto[]>(
      'GET',
      `/api/kb/articles?status=published&categoryId=${category!.id}`,
    );
    expect(list.map((a) => a.id)).toEqual([article.id]);
    expect(await agent.ok<KbArticleListItemDto[]>('GET', '/api/kb/articles?locale=bg')).toEqual([]);
  });

  it('stores hostile bodies clean and keeps everything else', async () => {
    const hostile = [
      '<h1>Title</h1><script>alert(1)</script><style>p{color:red}</style>',
      '<p onclick="steal()" style="background:url(https://evil/x)">Text <b>bold</b> <i>it</i></p>',
      '<img src="x" onerror="alert(1)"><img src="https://cdn.example/a.png" alt="A" onload="x()">',
      '<img src="/api/files/123e4567-e89b-12d3-a456-426614174000/a.png">',
      '<a href="javascript:alert(1)">bad</a> <a href=" JAVASCRIPT:alert(1)">bad2</a>',
      '<a href="https://ok.example" target="_blank" rel="opener">good</a>',
      '<a href="mailto:help@example.com">mail</a>',
      '<iframe src="https://evil"><iframe>nested</iframe></iframe>',
      '<form action="/x"><input name="a"><button>Go</button></form>',
      '<svg><script>alert(1)</script></svg><object data="x"></object>',
      '<ul><li>one<li>two</ul><pre><code>if (a &lt; b) {}</code></pre>',
      '<blockquote>Quote</blockquote><p>unclosed <strong>bold',
    ].join('');
    const article = await write(admin, 'en', { title: 'Hostile', bodyHtml: hostile });
    const html = article.versions[0]!.bodyHtml;
    for (const bad of [
      '<script',
      'alert',
      '<style',
      'onclick',
      'onerror',
      'onload',
      'javascript:',
      '<iframe',
      '<form',
      '<input',
      '<svg',
      '<object',
      'style=',
      'target=',
      'src="x"',
      'opener"',
    ])
      expect(html.toLowerCase()).not.toContain(bad.toLowerCase());
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('Text <strong>bold</strong> <em>it</em>');
    expect(html).toContain('<img src="https://cdn.example/a.png" alt="A" />');
    expect(html).toContain('/api/files/123e4567-e89b-12d3-a456-426614174000/a.png');
    expect(html).toContain(
      '<a href="https://ok.example" rel="noopener noreferrer nofollow">good</a>',
    );
    expect(html).toContain('href="mailto:help@example.com"');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<pre><code>if (a &lt; b) {}</code></pre>');
    expect(html).toContain('<blockquote>Quote</blockquote>');
    expect(html).toContain('<p>unclosed <strong>bold</strong></p>');
    expect(html).toContain('bad</a>');

    // A 200 KB body (the limit) is stored whole, and one past it is refused.
    const para = '<p>' + 'word '.repeat(40) + '</p>';
    const big = para.repeat(Math.floor(199_000 / para.length));
    const large = await write(admin, 'en', { title: 'Large', bodyHtml: big });
    expect(large.versions[0]!.bodyHtml.length).toBe(big.length);
    const tooBig = await admin.request('PUT', `/api/kb/articles/${large.id}/versions/en`, {
      title: 'Large',
      bodyHtml: 'x'.repeat(200_001),
    });
    expect(tooBig.status).toBe(400);
    // Malformed markup ends well-formed; a body of only markup is stored empty, not refused.
    const broken = await write(admin, 'en', {
      title: 'Broken',
      bodyHtml: '<p><strong>a<em>b</p></strong><<<>>><li>c<div',
    });
    expect(broken.versions[0]!.bodyHtml).not.toMatch(/<div|<<</);
  });

  it('slugs: made from titles, -2 when taken, a taken explicit slug is a conflict', async () => {
    const a = await write(admin, 'bg', { title: 'Връщане на пари', bodyHtml: '<p>a</p>' });
    const b = await write(admin, 'bg', { title: 'Връщане на пари!', bodyHtml: '<p>b</p>' });
    const c = await write(admin, 'bg', { title: 'връщане на пари', bodyHtml: '<p>c</p>' });
    expect([a, b, c].map((x) => x.versions[0]!.slug)).toEqual([
      'връщане-на-пари',
      'връщане-на-пари-2',
      'връщане-на-пари-3',
    ]);
    // Another language may use the same slug.
    const en = await admin.ok<KbArticleDto>('PUT', `/api/kb/articles/${a.id}/versions/en`, {
      title: 'x',
      slug: 'връщане-на-пари',
      bodyHtml: '',
    });
    expect(en.versions.find((v) => v.locale === 'en')!.slug).toBe('връщане-на-пари');
    const taken = await admin.request('PUT', `/api/kb/articles/${b.id}/versions/bg`, {
      title: 'Връщане на пари!',
      slug: 'връщане-на-пари',
      bodyHtml: '<p>b</p>',
    });
    expect(taken.status).toBe(409);
    const invalid = await admin.request('PUT', `/api/kb/articles/${b.id}/versions/bg`, {
      title: 'x',
      slug: 'Has Spaces',
      bodyHtml: '',
    });
    expect(invalid.status).toBe(400);
  });

  it('turns a message into a draft article in the operator language', async () => {
    const { customer } = await createApiInbox(admin, 'Support');
    expect((await customer.say('How do I export my invoices?')).status).toBe(200);
    const page = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    const conversation = page.items[0]!;
    const reply = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { text: 'Open Billing → Invoices.\n\nThen press <Export> & wait.' },
    );
    const article = await agent.ok<KbArticleDto>('POST', '/api/kb/articles/from-message', {
      messageId: reply.id,
      locale: 'ru',
    });
    expect(article.sourceMessageId).toBe(reply.id);
    expect(article.versions).toHaveLength(1);
    expect(article.versions[0]).toMatchObject({ locale: 'ru', status: 'draft' });
    expect(article.versions[0]!.title).toBe(conversation.subject ?? 'Open Billing → Invoices.');
    expect(article.versions[0]!.bodyHtml).toBe(
      '<p>Open Billing → Invoices.</p><p>Then press &lt;Export&gt; &amp; wait.</p>',
    );
    const foreign = await stranger.request('POST', '/api/kb/articles/from-message', {
      messageId: reply.id,
    });
    expect(foreign.status).toBe(404);
  });

  it('authorization: agents draft, admins publish; another account sees nothing', async () => {
    const draft = await write(agent, 'en', { title: 'Agent draft', bodyHtml: '<p>x</p>' });
    expect(draft.versions[0]!.status).toBe('draft');
    const id = draft.id;
    const agentPublishes = await agent.request('PUT', `/api/kb/articles/${id}/versions/en`, {
      title: 'Agent draft',
      bodyHtml: '<p>x</p>',
      status: 'published',
    });
    expect(agentPublishes.status).toBe(403);
    expect((await agent.request('POST', `/api/kb/articles/${id}/versions/en/publish`)).status).toBe(
      403,
    );
    expect((await agent.request('DELETE', `/api/kb/articles/${id}`)).status).toBe(403);
    await admin.ok('POST', `/api/kb/articles/${id}/versions/en/publish`);
    const agentEditsLive = await agent.request('PUT', `/api/kb/articles/${id}/versions/en`, {
      title: 'Changed',
      bodyHtml: '<p>y</p>',
    });
    expect(agentEditsLive.status).toBe(403);

    for (const [method, path] of [
      ['GET', `/api/kb/articles/${id}`],
      ['PATCH', `/api/kb/articles/${id}`],
      ['PUT', `/api/kb/articles/${id}/versions/en`],
      ['POST', `/api/kb/articles/${id}/versions/en/unpublish`],
      ['DELETE', `/api/kb/articles/${id}`],
    ] as const) {
      const res = await stranger.request(
        method,
        path,
        method === 'GET' ? undefined : { title: 'x', bodyHtml: '' },
      );
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect(await stranger.ok<KbArticleListItemDto[]>('GET', '/api/kb/articles')).toEqual([]);
    expect((await admin.request('GET', '/api/kb/articles/not-an-id')).status).toBe(404);
    expect((await admin.request('DELETE', '/api/kb/categories/not-an-id')).status).toBe(404);
    expect(
      await published.findPublishedById(
        '00000000-0000-4000-8000-000000000000',
        draft.versions[0]!.id,
      ),
    ).toBeNull();

    expect((await admin.request('DELETE', `/api/kb/articles/${id}`)).status).toBe(204);
    expect((await admin.request('GET', `/api/kb/articles/${id}`)).status).toBe(404);

    // What customers can read changed is in the audit log: who published and deleted what.
    const audit = await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log?limit=200');
    const mine = audit.items.filter((e) => e.target?.id === id).map((e) => e.action);
    expect(mine).toEqual(['kb.article_deleted', 'kb.article_published']);
  });
});
