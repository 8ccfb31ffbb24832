import { randomUUID } from 'node:crypto';
import type { ConversationSummaryDto, InboxDto, Page } from '@switchboard/contracts';
import { computeIdentityHmac, issueVisitorToken } from '@switchboard/channels-webchat';
import {
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { WebchatConversationStartEntity } from './entities/webchat-conversation-start.entity';
import { WidgetVisitorClient } from './testing/widget-visitor-client';

const SHOP = 'https://shop.example';
const SECRET = 'integration-webchat-secret-0123456789abcdef';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('web chat visitor API', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let inbox: InboxDto;
  const visitor = () => new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
  const messages = () => api.dataSource.getRepository(MessageEntity);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP], greeting: 'Hello!', newConversationsPerIpPerHour: 6 },
      secrets: { hmacSecret: SECRET },
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('opens a session with settings for an allowed site and keeps the visitor on resume', async () => {
    const v = visitor();
    const first = await v.session();
    expect(first.status).toBe(200);
    expect(first.body.settings).toMatchObject({
      inboxName: 'Shop chat',
      greeting: 'Hello!',
      askEmail: true,
    });
    expect(JSON.stringify(first.body)).not.toContain(SECRET);
    const again = await v.session();
    expect(again.body.visitorId).toBe(first.body.visitorId);
  });

  it('refuses other sites, forged or expired tokens and a wrong identity HMAC', async () => {
    const evil = new WidgetVisitorClient(api.baseUrl, inbox.id, 'https://evil.example');
    expect(await evil.session()).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const noOrigin = new WidgetVisitorClient(api.baseUrl, inbox.id, null);
    expect((await noOrigin.session()).status).toBe(403);

    const forged = visitor();
    forged.token = issueVisitorToken('a-different-secret-0123456789abcdef', {
      inboxId: inbox.id,
    }).token;
    expect(await forged.say('hi')).toMatchObject({
      status: 401,
      body: { message: 'Visitor token is invalid' },
    });
    const expired = visitor();
    expired.token = issueVisitorToken(SECRET, {
      inboxId: inbox.id,
      now: new Date('2024-01-01'),
      ttlSeconds: 60,
    }).token;
    expect(await expired.say('hi')).toMatchObject({
      status: 401,
      body: { message: 'Visitor token has expired' },
    });

    const wrongHmac = await visitor().session({
      identity: { userId: 'u-1', hmac: computeIdentityHmac('nope'.repeat(10), 'u-1') },
    });
    expect(wrongHmac).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await messages().count()).toBe(0);
  });

  it('stores a visitor message once in the conversation stream, HTML kept as plain text', async () => {
    const v = visitor();
    await v.session();
    const id = randomUUID();
    const html = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
    const sent = await v.say(html, id);
    expect(sent).toMatchObject({
      status: 200,
      body: { author: 'visitor', text: html, clientMessageId: id, status: 'delivered' },
    });
    expect((await v.say(html, id)).body.id).toBe(sent.body.id);

    const feed = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    const conversation = feed.items.find((c) => c.inboxId === inbox.id);
    expect(conversation).toMatchObject({
      channel: 'webchat',
      lastMessagePreview: html.replace(/\s+/g, ' '),
    });
    expect(await messages().countBy({ text: html })).toBe(1);
    expect((await v.history()).body.items.map((m) => m.text)).toEqual([html]);
  });

  it('refuses empty and too long messages with a clear reason and stores nothing', async () => {
    const v = visitor();
    await v.session();
    const before = await messages().count();
    expect(await v.say('   ')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await v.say('x'.repeat(10_001))).toMatchObject({
      status: 422,
      body: { code: 'TEXT_TOO_LONG' },
    });
    expect(await v.say('x'.repeat(10_000))).toMatchObject({ status: 200 });
    expect(await messages().count()).toBe(before + 1);
  });

  it('recognises a verified user on any device as the same customer', async () => {
    const identity = { userId: 'customer-42', hmac: computeIdentityHmac(SECRET, 'customer-42') };
    const laptop = visitor();
    const phone = visitor();
    await laptop.session({ identity });
    await phone.session({ identity });
    await laptop.say('From my laptop');
    await phone.say('And from my phone');
    expect((await laptop.history()).body.items.map((m) => m.text)).toEqual([
      'From my laptop',
      'And from my phone',
    ]);
    expect(
      await api.dataSource
        .getRepository(ContactIdentityEntity)
        .countBy({ externalId: 'user:customer-42' }),
    ).toBe(1);
  });

  it('accepts images and PDF, refuses other files by their bytes', async () => {
    const v = visitor();
    await v.session();
    const ok = await v.upload('photo.png', PNG, 'image/png');
    expect(ok).toMatchObject({
      status: 200,
      body: { attachments: [{ filename: 'photo.png', contentType: 'image/png' }] },
    });
    const fileId = ok.body.attachments[0].id;
    const download = await fetch(`${api.baseUrl}/api/widget/${inbox.id}/attachments/${fileId}`, {
      headers: { origin: SHOP, authorization: `Bearer ${v.token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    const stranger = visitor();
    await stranger.session();
    expect((await stranger.request('GET', `/attachments/${fileId}`)).status).toBe(404);

    const fake = await v.upload(
      'cute.png',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'image/png',
    );
    expect(fake).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('answers CORS preflights only for allowed sites', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/api/widget/${inbox.id}/messages`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(SHOP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits new conversations per IP per hour, counted in the database', async () => {
    const used = await api.dataSource.getRepository(WebchatConversationStartEntity).count();
    for (let i = used; i < 6; i++) {
      const v = visitor();
      await v.session();
      expect((await v.say(`new ${i}`)).status).toBe(200);
    }
    const blocked = visitor();
    await blocked.session();
    const before = await messages().count();
    expect(await blocked.say('one too many')).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED' },
    });
    expect(await messages().count()).toBe(before);
  });

  it('shows the snippet to operators of the account', async () => {
    const snippet = await admin.ok<{ snippet: string }>(
      'GET',
      `/api/inboxes/${inbox.id}/webchat/snippet`,
    );
    expect(snippet.snippet).toBe(
      `<script async src="${api.baseUrl}/widget/loader.js" data-inbox="${inbox.id}"></script>`,
    );
  });
});
