import type {
  AttachmentDto,
  InboxDto,
  KbArticleDto,
  WidgetArticleDto,
} from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { FilesService } from '../../core/storage/files.service';
import { createAccount } from '../accounts/create-account';
import { WidgetVisitorClient } from '../webchat/testing/widget-visitor-client';

/** A 1×1 PNG, as the editor would upload it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SHOP = 'https://shop.example';

/**
 * `/help/files/<id>/<name>`: an image is public exactly while a published article of the help
 * centre's account shows it, and published bodies point readers there instead of `/api/files`.
 */
describe('help centre files', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;

  const get = (path: string, init?: RequestInit) => fetch(`${api.baseUrl}${path}`, init);

  /** Uploaded as the KB editor does: the operator's POST /api/files. */
  async function upload(name: string, type: string, content: Buffer): Promise<AttachmentDto> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    const res = await get('/api/files', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as AttachmentDto;
  }

  /** An English article; returns its id and its version's. */
  async function article(slug: string, bodyHtml: string, publish: boolean) {
    const created = await admin.ok<KbArticleDto>('POST', '/api/kb/articles', { categoryId: null });
    const written = await admin.ok<KbArticleDto>(
      'PUT',
      `/api/kb/articles/${created.id}/versions/en`,
      { title: slug, slug, bodyHtml },
    );
    if (publish) await admin.ok('POST', `/api/kb/articles/${created.id}/versions/en/publish`);
    return { id: created.id, versionId: written.versions[0]?.id ?? '' };
  }

  const img = (f: AttachmentDto) => `<p><img src="/api/files/${f.id}/${f.filename}" alt="x"></p>`;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const login = await loginAs(api.baseUrl);
    admin = login.client;
    token = login.login.token;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('serves a published article’s image inline, and the page points at it', async () => {
    const file = await upload('screen.png', 'image/png', PNG);
    const { versionId } = await article('with-image', img(file), true);

    const res = await get(`/help/files/${file.id}/${file.filename}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);

    const page = await (await get('/help/en/with-image')).text();
    expect(page).toContain(`src="/help/files/${file.id}/${file.filename}"`);
    expect(page).not.toContain('/api/files/');

    // The widget's reader runs on customers' sites: the address is absolute.
    const chat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'kb-files-webchat-secret-0123456789abcdef' },
    });
    const visitor = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await visitor.session();
    const opened = await visitor.request<WidgetArticleDto>('GET', `/articles/${versionId}`);
    expect(opened.body.bodyHtml).toContain(
      `src="${api.baseUrl}/help/files/${file.id}/${file.filename}"`,
    );
  });

  it('answers 404 for a draft’s image, another account’s file and a file that is no image', async () => {
    const drafted = await upload('draft.png', 'image/png', PNG);
    await article('draft-image', img(drafted), false);
    expect((await get(`/help/files/${drafted.id}/draft.png`)).status).toBe(404);

    const otherAccount = await api.dataSource.transaction((em) => createAccount(em, 'Other'));
    const foreign = await api.app
      .get(FilesService)
      .store(otherAccount, { filename: 'theirs.png', contentType: 'image/png', content: PNG });
    await article('foreign-image', img(foreign), true);
    expect((await get(`/help/files/${foreign.id}/theirs.png`)).status).toBe(404);

    const notes = await upload('notes.txt', 'text/plain', Buffer.from('plain text, not an image'));
    await article('text-file', img(notes), true);
    expect((await get(`/help/files/${notes.id}/notes.txt`)).status).toBe(404);

    expect((await get('/help/files/not-a-uuid/x.png')).status).toBe(404);
  });

  it('unpublishing the article takes its image away', async () => {
    const file = await upload('later.png', 'image/png', PNG);
    const { id } = await article('unpublished-later', img(file), true);
    expect((await get(`/help/files/${file.id}/later.png`)).status).toBe(200);
    await admin.ok('POST', `/api/kb/articles/${id}/versions/en/unpublish`);
    const gone = await get(`/help/files/${file.id}/later.png`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).toBe('no-store');
  });
});
