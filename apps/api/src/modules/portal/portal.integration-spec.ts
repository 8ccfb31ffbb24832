import type { ContactMergeDto, InboxDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import {
  contactOfConversation,
  insertEmailInbox,
  mailFrom,
} from '../contacts/merge/testing/merge-fixtures';
import { MessageEntity } from '../messages/entities/message.entity';
import { confirmationLinkIn, confirmByLink } from '../webchat/testing/follow-up-confirmation';
import { WidgetVisitorClient } from '../webchat/testing/widget-visitor-client';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { PortalSignInLinkEntity } from './entities/portal-sign-in-link.entity';
import { PortalClient, portalLinkFor } from './testing/portal-client';
import { mailWithFile } from './testing/portal-fixtures';

/**
 * The customer portal on a real database and a real SMTP server: one-time links (single use,
 * expiry, no enumeration), a session that sees only its own contact's requests (and a merged
 * contact's), never an internal note, and a reply that joins the conversation live.
 */
const SHOP = 'https://shop.example';

describe('customer portal', () => {
  let db: TestDatabase;
  let api: TestApi;
  let smtp: SmtpPeer;
  let admin: ApiClient;
  let adminToken: string;
  let accountId: string;
  let inboxId: string;
  let anaConversation: string;
  let bob: { conversationId: string; fileId: string };
  let mails = 0;
  const ana = new PortalClient('', '198.51.100.1');
  const savedEnv = { ...process.env };

  /** Signs `client` in as `email` through the link the SMTP peer received. */
  const signIn = async (client: PortalClient, email: string) => {
    expect((await client.askForLink(accountId, email)).status).toBe(200);
    const link = await portalLinkFor(smtp, email, ++mails);
    expect((await client.open(link)).status).toBe(303);
    return link;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpPeer();
    process.env['SMTP_URL'] = `smtp://${smtp.user}:${smtp.password}@${smtp.host}:${smtp.port}`;
    process.env['MAIL_FROM'] = 'Shop Support <support@shop.example>';
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminToken = session.login.token;
    accountId = (
      await api.dataSource
        .getRepository(OperatorEntity)
        .findOneByOrFail({ id: session.login.operator.id })
    ).accountId;
    inboxId = await insertEmailInbox(api, accountId);
    (ana as { baseUrl: string }).baseUrl = api.baseUrl;
    anaConversation = await mailFrom(
      api,
      inboxId,
      { email: 'ana@example.test', name: 'Ana' },
      'My invoice is wrong',
      'Invoice 1042',
    );
    await admin.ok('POST', `/api/conversations/${anaConversation}/assign`, {
      assigneeId: session.login.operator.id,
    });
    await admin.ok('POST', `/api/conversations/${anaConversation}/messages`, {
      text: 'INTERNAL: customer is on the legacy plan',
      kind: 'note',
    });
    const bobMail = await mailWithFile(api, inboxId, 'bob@example.test', 'Bob private matter');
    const bobMessage = await api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ id: bobMail.messageId });
    bob = {
      conversationId: bobMail.conversationId,
      fileId: bobMessage.attachments[0]?.id ?? 'missing',
    };
  });

  afterAll(async () => {
    process.env = savedEnv;
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('answers known and unknown addresses alike, and mails a link only to a known one', async () => {
    const probe = new PortalClient(api.baseUrl, '198.51.100.2');
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await probe.askForLink(accountId, email);
      return { ...res, ms: performance.now() - started };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    let bodies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const k = await timed('ana@example.test');
      const u = await timed(`nobody${i}@example.test`);
      known.push(k.ms);
      unknown.push(u.ms);
      // Alike but for the style nonce, which is new on every page.
      bodies = [k.html, u.html].map((h) => h.replace(/nonce="[^"]+"/, ''));
      expect([k.status, u.status]).toEqual([200, 200]);
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[0]).toContain('If we know this address, we sent a link');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    // The mail goes out after the answer: a known address is not measurably slower.
    expect(median(known)).toBeLessThan(median(unknown) * 3 + 150);
    mails += 3;
    await smtp.waitForMessages(mails);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.envelope.to.some((t) => t.startsWith('nobody')))).toEqual(
      [],
    );
    expect(smtp.messages).toHaveLength(mails);
  });

  it('a link signs in once; used twice or expired it is refused with no session', async () => {
    const link = await signIn(ana, 'ana@example.test');
    expect(ana.cookie).toMatch(/^sb_portal=/);
    const again = new PortalClient(api.baseUrl, '198.51.100.3');
    const reused = await again.open(link);
    expect(reused.status).toBe(400);
    expect(reused.html).toContain('already used or is not valid');
    expect(again.cookie).toBeNull();

    const late = new PortalClient(api.baseUrl, '198.51.100.3');
    await late.askForLink(accountId, 'ana@example.test');
    const expiring = await portalLinkFor(smtp, 'ana@example.test', ++mails);
    await api.dataSource
      .getRepository(PortalSignInLinkEntity)
      .createQueryBuilder()
      .update()
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('used_at IS NULL')
      .execute();
    const expired = await late.open(expiring);
    expect(expired.status).toBe(410);
    expect(late.cookie).toBeNull();
  });

  it("lists the contact's own requests with status and assignee, never a note or another's request", async () => {
    const list = await ana.request('GET', '/portal/requests');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(list.html).toContain('Invoice 1042');
    expect(list.html).toContain('In progress');
    expect(list.html).toContain('Admin');
    expect(list.html).not.toContain('Bob private matter');
    const page = await ana.request('GET', `/portal/requests/${anaConversation}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('My invoice is wrong');
    expect(page.html).not.toContain('INTERNAL');
    expect(page.html).not.toContain('legacy plan');
  });

  it("another contact's request or file, on every portal route that names one, is 404", async () => {
    const { ROUTES, pathFor } = await import('../../core/auth/authorization-routes');
    const ids = {
      conversation: bob.conversationId,
      message: bob.conversationId,
      inbox: inboxId,
      file: bob.fileId,
      operator: bob.conversationId,
    };
    const wrong: string[] = [];
    const csrf = await ana.csrf();
    for (const [route, rule] of Object.entries(ROUTES)) {
      if (!rule.portalForeign) continue;
      const { method, path } = pathFor(route, ids);
      const body =
        method === 'GET'
          ? undefined
          : new URLSearchParams({ _csrf: csrf, ...(rule.body?.(ids) as Record<string, string>) });
      const res = await ana.request(method, path, body);
      if (res.status !== 404) wrong.push(`${route} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(
      await api.dataSource
        .getRepository(MessageEntity)
        .countBy({ conversationId: bob.conversationId }),
    ).toBe(1);
  });

  it('a reply joins the conversation through the inbound path, live for the operator', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, adminToken);
    try {
      const sent = await ana.reply(anaConversation, 'Any news on my invoice?', {
        name: 'receipt.pdf',
        type: 'application/pdf',
        bytes: Buffer.from('%PDF-1.4\nreceipt\n%%EOF\n'),
      });
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe(`/portal/requests/${anaConversation}`);
      await socket.waitFor((evs) =>
        evs.some(
          (e) =>
            e.type === 'message.created' &&
            e.payload.message.text === 'Any news on my invoice?' &&
            e.payload.message.direction === 'incoming',
        ),
      );
      const page = await ana.request('GET', `/portal/requests/${anaConversation}`);
      const href = /href="(\/portal\/files\/[^"]+receipt\.pdf)"/.exec(page.html)?.[1];
      expect(href).toBeDefined();
      const download = await ana.request('GET', href ?? '/missing');
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toContain('attachment');
    } finally {
      socket.close();
    }
  });

  it('refuses hostile uploads and forged forms, storing nothing', async () => {
    const count = () =>
      api.dataSource.getRepository(MessageEntity).countBy({ conversationId: anaConversation });
    const before = await count();
    const page = await ana.reply(anaConversation, 'see page', {
      name: 'innocent.png',
      type: 'image/png',
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(page.status).toBe(422);
    const huge = await ana.reply(anaConversation, 'big', {
      name: 'big.pdf',
      type: 'application/pdf',
      bytes: Buffer.alloc(10 * 1024 * 1024 + 10, 1),
    });
    expect(huge.status).toBe(413);
    const forged = new FormData();
    forged.append('_csrf', 'forged');
    forged.append('text', 'forged');
    expect(
      (await ana.request('POST', `/portal/requests/${anaConversation}/replies`, forged)).status,
    ).toBe(403);
    expect(await count()).toBe(before);
  });

  it("speaks the customer's language, Arabic right to left", async () => {
    const ar = await ana.request('GET', '/portal/requests', undefined, {
      'accept-language': 'ar-EG,ar;q=0.9,en;q=0.5',
    });
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain('قيد المعالجة');
    const ru = await ana.request('GET', '/portal/requests', undefined, {
      'accept-language': 'de-DE,ru;q=0.8',
    });
    expect(ru.html).toContain('<html lang="ru" dir="ltr">');
    expect(ru.html).toContain('В работе');
  });

  it('a reply to a resolved request reopens it, per the inbox setting', async () => {
    await admin.ok('POST', `/api/conversations/${anaConversation}/close`);
    const list = await ana.request('GET', '/portal/requests');
    expect(list.html).toContain('Resolved');
    expect((await ana.reply(anaConversation, 'It broke again')).status).toBe(303);
    const page = await ana.request('GET', `/portal/requests/${anaConversation}`);
    expect(page.html).toContain('It broke again');
    expect(page.html).toContain('In progress');
  });

  it('a tampered session cookie is signed out', async () => {
    const tampered = new PortalClient(api.baseUrl);
    tampered.cookie = `${(ana.cookie ?? '').slice(0, -2)}xx`;
    const res = await tampered.request('GET', '/portal/requests');
    expect(res.status).toBe(401);
    expect(res.html).not.toContain('Invoice 1042');
  });

  it('opens a new request in the email inbox, filed under the same contact', async () => {
    const form = await ana.request('GET', '/portal/new');
    expect(form.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.html)?.[1] ?? '';
    const empty = new FormData();
    empty.append('_csrf', csrf);
    empty.append('subject', 'No text');
    expect((await ana.request('POST', '/portal/new', empty)).status).toBe(400);
    const body = new FormData();
    body.append('_csrf', csrf);
    body.append('subject', 'Lost parcel');
    body.append('text', 'Parcel 77 never arrived.');
    const created = await ana.request('POST', '/portal/new', body);
    expect(created.status).toBe(303);
    const id = /\/portal\/requests\/([0-9a-f-]{36})$/.exec(
      created.headers.get('location') ?? '',
    )?.[1];
    expect(id).toBeDefined();
    expect(await contactOfConversation(api.dataSource, id ?? '')).toBe(
      await contactOfConversation(api.dataSource, anaConversation),
    );
    const list = await ana.request('GET', '/portal/requests');
    expect(list.html).toContain('Lost parcel');
  });

  it('a merged contact sees the conversations of both contacts', async () => {
    const first = await mailFrom(
      api,
      inboxId,
      { email: 'carla@example.test', name: 'Carla' },
      'Hi',
      'Order A',
    );
    const second = await mailFrom(
      api,
      inboxId,
      { email: 'carla.work@example.test', name: 'Carla' },
      'Hi',
      'Order B',
    );
    const target = await contactOfConversation(api.dataSource, first);
    const other = await contactOfConversation(api.dataSource, second);
    await admin.ok<ContactMergeDto>('POST', `/api/contacts/${target}/merge`, {
      otherId: other,
      confirm: true,
    });
    const carla = new PortalClient(api.baseUrl, '198.51.100.4');
    await signIn(carla, 'carla.work@example.test');
    const list = await carla.request('GET', '/portal/requests');
    expect(list.html).toContain('Order A');
    expect(list.html).toContain('Order B');
    expect(list.html).not.toContain('Invoice 1042');
  });

  it('a widget visitor with a confirmed address opens the portal signed in, once', async () => {
    const chat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'portal-webchat-secret-0123456789abcdefgh' },
    });
    const v = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await v.session();
    expect((await v.say('Chat question about sizes')).status).toBe(200);
    const handOff = () => v.request<{ url: string }>('POST', '/portal-link', {});
    expect((await handOff()).status).toBe(403);
    expect((await v.leaveEmail('dora@example.test')).status).toBe(200);
    const [confirmation] = (await smtp.waitForMessages(++mails, 15_000)).slice(-1);
    expect(confirmation).toBeDefined();
    if (confirmation)
      expect((await confirmByLink(confirmationLinkIn(confirmation))).status).toBe(200);
    const link = await handOff();
    expect(link.status).toBe(200);
    const dora = new PortalClient(api.baseUrl, '198.51.100.5');
    expect((await dora.open(link.body.url)).status).toBe(303);
    const list = await dora.request('GET', '/portal/requests');
    expect(list.html).toContain('Chat question about sizes');
    expect(list.html).not.toContain('Invoice 1042');
    expect((await new PortalClient(api.baseUrl).open(link.body.url)).status).toBe(400);
  });

  it('signs out on the server: the old cookie no longer opens anything', async () => {
    const oldCookie = ana.cookie;
    const out = await ana.request(
      'POST',
      '/portal/sign-out',
      new URLSearchParams({ _csrf: await ana.csrf() }),
    );
    expect(out.status).toBe(200);
    expect(ana.cookie).toBeNull();
    const replay = new PortalClient(api.baseUrl);
    replay.cookie = oldCookie;
    expect((await replay.request('GET', '/portal/requests')).status).toBe(401);
  });

  it('limits links per address and per network', async () => {
    const client = new PortalClient(api.baseUrl, '203.0.113.50');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await client.askForLink(accountId, 'flood@example.test')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const network = new PortalClient(api.baseUrl, '203.0.113.51');
    const last: number[] = [];
    for (let i = 0; i < 21; i++)
      last.push((await network.askForLink(accountId, `n${i}@example.test`)).status);
    expect(last.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(last[20]).toBe(429);
  });
});
