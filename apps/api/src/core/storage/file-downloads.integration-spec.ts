import type { AttachmentDto, FileLinkDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  loginWithCookie,
  startTestApi,
  type ApiClient,
  type CookieSession,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createAccount, createOperator } from '../../modules/accounts/create-account';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FileLinkSigner } from './file-link-signer';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** Attachments are served to their account's operators or through a short-lived signed link. */
describe('file downloads', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let browser: CookieSession;
  let stranger: ApiClient;
  let file: AttachmentDto;

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, { headers });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    browser = await loginWithCookie(api.baseUrl);
    await api.dataSource.transaction(async (em) => {
      const other = await createAccount(em, 'Other company');
      await createOperator(em, other, {
        email: 'stranger@other.test',
        name: 'Stranger',
        password: 'stranger-password-123',
        role: 'admin',
      });
    });
    stranger = (await loginAs(api.baseUrl, 'stranger@other.test', 'stranger-password-123')).client;
    const form = new FormData();
    form.set('file', new Blob([PNG], { type: 'image/png' }), 'receipt.png');
    const uploaded = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    file = (await uploaded.json()) as AttachmentDto;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('needs a session of the file’s account: none → 401, another account → 404', async () => {
    const anonymous = await get(file.url);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    expect((await get(file.url, { authorization: `Bearer ${stranger.token}` })).status).toBe(404);
    const missing = '/api/files/00000000-0000-4000-8000-000000000000/x.png';
    expect((await get(missing, { authorization: `Bearer ${admin.token}` })).status).toBe(404);
  });

  it('serves its account with a bearer token or the SPA’s cookie (what <img> sends), privately', async () => {
    const viaBearer = await get(file.url, { authorization: `Bearer ${admin.token}` });
    expect(viaBearer.status).toBe(200);
    expect(Buffer.from(await viaBearer.arrayBuffer())).toEqual(PNG);
    const viaCookie = await get(file.url, { cookie: browser.cookie });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.headers.get('content-type')).toBe('image/png');
    expect(viaCookie.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(viaCookie.headers.get('cache-control')).not.toContain('immutable');
  });

  it('gives a signed link that works without a session until it expires; tampering → 403', async () => {
    const link = await admin.ok<FileLinkDto>('POST', `/api/files/${file.id}/link`);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now() + 60_000);
    const opened = await get(link.url);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(PNG);

    const url = new URL(link.url, api.baseUrl);
    const tampered = (name: string, value: string) => {
      const copy = new URL(url);
      copy.searchParams.set(name, value);
      return get(copy.pathname + copy.search);
    };
    const forged = await tampered('signature', 'A'.repeat(43));
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { message: string }).message).toMatch(/not valid/);
    expect(
      (await tampered('expires', String(Number(url.searchParams.get('expires')) + 86_400))).status,
    ).toBe(403);
    // The link is for this file only.
    const other = `/api/files/00000000-0000-4000-8000-000000000000/x.png${url.search}`;
    expect((await get(other)).status).toBe(403);

    const signer = new FileLinkSigner(api.app.get<AppConfig>(APP_CONFIG).APP_SECRET);
    const old = signer.sign(file.id, new Date(Date.now() - 1_000));
    const expired = await get(`${file.url}?expires=${old.expires}&signature=${old.signature}`);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { message: string }).message).toMatch(/expired/);
  });

  it('signs links only for the operator’s own account', async () => {
    expect((await stranger.request('POST', `/api/files/${file.id}/link`)).status).toBe(404);
    expect(
      (await fetch(`${api.baseUrl}/api/files/${file.id}/link`, { method: 'POST' })).status,
    ).toBe(401);
  });
});
