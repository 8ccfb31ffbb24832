import type { InboxDto } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { AccountEntity } from '../modules/accounts/entities/account.entity';
import { InboxEntity } from '../modules/inboxes/entities/inbox.entity';
import { EventEntity } from './events/entities/event.entity';
import { EventRetentionService } from './events/event-retention.service';
import { FilesService } from './storage/files.service';

/** What running it for real needs: docs, secrets kept secret, safe downloads, retention, shutdown. */
describe('platform', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
  });

  afterAll(async () => {
    await api?.close().catch(() => undefined);
    await db?.drop();
  });

  it('describes the REST API with OpenAPI at /api/docs', async () => {
    const doc = (await (await fetch(`${api.baseUrl}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/conversations',
      '/api/conversations/{id}/messages',
      '/api/conversations/{id}/snooze',
      '/api/auth/login',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await fetch(`${api.baseUrl}/api/docs`)).status).toBe(200);
  });

  it('never returns inbox secrets, and stores them encrypted', async () => {
    const { inbox, signingSecret } = await createApiInbox(admin);
    const listed = await admin.ok<InboxDto[]>('GET', '/api/inboxes');
    const text = JSON.stringify(listed) + JSON.stringify(inbox);
    expect(text).not.toContain(signingSecret);
    expect(listed.find((i) => i.id === inbox.id)?.secretsSet).toEqual(['signingSecret']);
    const raw = await api.dataSource.getRepository(InboxEntity).findOneByOrFail({ id: inbox.id });
    expect(raw.secretsEncrypted).not.toContain(signingSecret);
    const agentless = await admin.request('POST', '/api/inboxes', {
      kind: 'api',
      name: 'x',
      secrets: { signingSecret: 'short' },
    });
    expect(agentless.status).toBe(400);
  });

  it('serves attachments as downloads with nosniff, never as an active page', async () => {
    const files = api.app.get(FilesService);
    const [{ id: accountId }] = await api.dataSource.getRepository(AccountEntity).find({ take: 1 });
    const html = await files.store(accountId, {
      filename: 'x.html',
      contentType: 'text/html',
      content: Buffer.from('<script>alert(1)</script>'),
    });
    const png = await files.store(accountId, {
      filename: 'pixel.png',
      contentType: 'image/png',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    });
    // Downloads need the account's session (core/storage/file-downloads.integration-spec.ts).
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const h = await fetch(`${api.baseUrl}${html.url}`, auth);
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
    expect(h.headers.get('content-type')).toBe('application/octet-stream');
    expect(h.headers.get('content-disposition')).toMatch(/^attachment/);
    const p = await fetch(`${api.baseUrl}${png.url}`, auth);
    expect(p.headers.get('content-type')).toBe('image/png');
    expect(p.headers.get('x-content-type-options')).toBe('nosniff');
    // Images too are downloads: an <img> shows them, navigating to one never renders it as a page.
    expect(p.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''pixel.png`);
    expect(
      (await fetch(`${api.baseUrl}/api/files/00000000-0000-0000-0000-000000000000/x`, auth)).status,
    ).toBe(404);
  });

  it('prunes events past the retention window', async () => {
    const { customer } = await createApiInbox(admin, 'retention');
    await customer.say('old news', 'old-1');
    await new Promise((r) => setTimeout(r, 300));
    await api.dataSource
      .getRepository(EventEntity)
      .updateAll({ createdAt: () => "now() - interval '400 days'" });
    expect(await api.app.get(EventRetentionService).prune()).toBeGreaterThan(0);
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token, 0);
    expect(socket.resets[0]?.reason).toBe('cursor_expired');
    socket.close();
  });

  it('shuts down gracefully: health turns 503 and sockets are closed by the server', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    const reason = new Promise<string>((r) => socket.socket.once('disconnect', r));
    const closing = api.close();
    expect(await reason).toBe('io server disconnect');
    await closing;
  });
});
