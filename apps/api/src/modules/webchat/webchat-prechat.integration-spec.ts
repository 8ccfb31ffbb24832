import { randomUUID } from 'node:crypto';
import type {
  CannedReplyDto,
  ConversationSummaryDto,
  InboxDto,
  MessageDto,
  Page,
  RenderedCannedReplyDto,
} from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ContactEntity } from '../contacts/entities/contact.entity';
import type { VisitorMessageDto } from './dto/widget-wire.dto';
import { WidgetVisitorClient } from './testing/widget-visitor-client';

const SHOP = 'https://shop.example';
const SECRET = 'integration-prechat-secret-0123456789abcdef';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const FIELDS = [
  { key: 'name', label: 'Your name', type: 'name', required: true },
  { key: 'email', label: 'Email', type: 'email', required: true },
  { key: 'order_number', label: 'Order number', type: 'text', required: false },
];

/**
 * The widget's pre-chat form, the page a message was written on and the inbox's hours as the
 * visitor API and the operator see them.
 */
describe('web chat pre-chat fields, source page and availability', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let inbox: InboxDto;
  const visitor = () => new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP], preChatFields: FIELDS },
      secrets: { hmacSecret: SECRET },
    });
    // Open only two days from now, 09:00–10:00 UTC: closed whenever the test runs.
    const day = (new Date().getUTCDay() + 2) % 7;
    await admin.ok('PUT', `/api/inboxes/${inbox.id}/business-hours`, {
      businessHours: { timezone: 'UTC', intervals: [{ day, from: '09:00', to: '10:00' }] },
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('refuses malformed pre-chat settings and hands the fields and hours to the widget', async () => {
    const bad = async (preChatFields: unknown) =>
      (await admin.request('PATCH', `/api/inboxes/${inbox.id}`, { settings: { preChatFields } }))
        .status;
    expect(await bad([{ key: 'Bad Key!', label: 'x', type: 'text' }])).toBe(400);
    expect(await bad([{ key: 'a', label: '', type: 'text' }])).toBe(400);
    expect(await bad([{ key: 'a', label: 'A', type: 'phone' }])).toBe(400);
    expect(
      await bad([
        { key: 'a', label: 'A', type: 'text' },
        { key: 'a', label: 'B', type: 'text' },
      ]),
    ).toBe(400);

    const session = await visitor().session();
    expect(session.body.settings.preChatFields).toEqual(FIELDS);
    const availability = session.body.settings.availability;
    expect(availability?.openNow).toBe(false);
    const next = new Date(availability?.nextOpening ?? 0);
    expect(next.getUTCHours()).toBe(9);
    expect(next.getTime()).toBeGreaterThan(Date.now());
  });

  it('validates answers server-side, then fills the contact and records the page', async () => {
    const v = visitor();
    await v.session();
    const page = `${SHOP}/tents/trail-2`;
    const say = (prechat: unknown, extra: Record<string, unknown> = {}) =>
      v.say('Is the Trail 2 waterproof?', randomUUID(), { prechat, pageUrl: page, ...extra });
    const refused = async (prechat: unknown, extra: Record<string, unknown> = {}) => {
      const r = await say(prechat, extra);
      expect(r.status).toBe(400);
      return (r.body as unknown as { message: string }).message;
    };
    expect(await refused(undefined)).toBe('Your name is required');
    expect(await refused({ name: 'Ana' })).toBe('Email is required');
    expect(await refused({ name: 'Ana', email: 'not-an-address' })).toBe(
      'Email: enter a valid email address',
    );
    expect(await refused({ name: 'x'.repeat(256), email: 'ana@example.com' })).toContain(
      'at most 255',
    );
    expect(await refused({ name: 'Ana', email: 'ana@example.com', isAdmin: 'yes' })).toContain(
      'not a pre-chat field',
    );
    expect(
      await refused({ name: 'Ana', email: 'ana@example.com', order_number: 'x'.repeat(2000) }),
    ).toBeTruthy();
    expect(await refused('a string')).toBeTruthy();
    const answers = { name: 'Ana López', email: 'Ana@Example.com', order_number: 'A-1042' };
    expect(await refused(answers, { pageUrl: 'javascript:alert(1)' })).toContain('http(s)');
    expect(await refused(answers, { referrer: `https://a.example/${'x'.repeat(2050)}` })).toContain(
      '2048',
    );
    // Nothing was stored by the refusals.
    expect((await v.history()).body.items).toEqual([]);

    const sent = await say(answers, { referrer: 'https://search.example/?q=tents' });
    expect(sent.status).toBe(200);
    // Once the conversation exists, later messages need no answers.
    expect((await v.say('And in red?', randomUUID(), { pageUrl: page })).status).toBe(200);

    const feed = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?status=open&inboxId=${inbox.id}`,
    );
    const conv = feed.items.find((c) => c.contact.name === 'Ana López');
    expect(conv).toBeDefined();
    const contact = await api.dataSource
      .getRepository(ContactEntity)
      .findOneByOrFail({ id: conv?.contact.id ?? '' });
    expect(contact).toMatchObject({
      name: 'Ana López',
      email: 'ana@example.com',
      attributes: { order_number: 'A-1042' },
    });
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conv?.id}/messages`,
    );
    const first = timeline.items.find((m) => m.text === 'Is the Trail 2 waterproof?');
    expect(first?.sourcePage).toEqual({ url: page, referrer: 'https://search.example/?q=tents' });
    const second = timeline.items.find((m) => m.text === 'And in red?');
    expect(second?.sourcePage).toEqual({ url: page, referrer: null });
  });

  it('takes answers with a first file, and never records a page of a site not allowed', async () => {
    const v = visitor();
    await v.session();
    const upload = (prechat: string) => {
      const id = randomUUID();
      const form = new FormData();
      form.set('clientMessageId', id);
      form.set('prechat', prechat);
      form.set('pageUrl', 'https://elsewhere.example/phish');
      form.set('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'tent.png');
      return v.request<VisitorMessageDto>('POST', '/attachments', form, {
        'x-client-message-id': id,
      });
    };
    expect((await upload('{not json')).status).toBe(400);
    expect((await upload(JSON.stringify({ name: 'Bo' }))).status).toBe(400);
    const ok = await upload(JSON.stringify({ name: 'Bo', email: 'bo@example.com' }));
    expect(ok.status).toBe(200);
    const feed = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?status=open&inboxId=${inbox.id}`,
    );
    const conv = feed.items.find((c) => c.contact.name === 'Bo');
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conv?.id}/messages`,
    );
    expect(timeline.items[0]?.attachments[0]?.filename).toBe('tent.png');
    expect(timeline.items[0]?.sourcePage ?? null).toBeNull();
  });

  it('an auto-reply placeholder says when the team is back', async () => {
    const canned = await admin.ok<CannedReplyDto>('POST', '/api/canned-replies', {
      title: 'Away',
      shortcut: 'away',
      scope: 'shared',
      body: "Thanks! We'll reply {{inbox.reply_time}}.",
    });
    const feed = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?status=open&inboxId=${inbox.id}`,
    );
    const rendered = await admin.ok<RenderedCannedReplyDto>(
      'POST',
      `/api/canned-replies/${canned.id}/render`,
      { conversationId: feed.items[0]?.id },
    );
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.now() + 2 * 86_400_000),
    );
    // The only opening is two days ahead, 09:00 UTC.
    const expected = `Thanks! We'll reply on ${weekday} at 09:00.`;
    expect(rendered.text).toBe(expected);
    expect(rendered.unknownPlaceholders).toEqual([]);

    // The automatic acknowledgement a rule sends on the visitor's channel says the same.
    await admin.ok('POST', '/api/automation/rules', {
      name: 'Acknowledge',
      trigger: { kind: 'event', event: 'message_received' },
      actions: [{ type: 'send_canned_reply', cannedReplyId: canned.id }],
    });
    const v = visitor();
    await v.session();
    const prechat = { name: 'Cy', email: 'cy@example.com' };
    expect((await v.say('Hello?', randomUUID(), { prechat })).status).toBe(200);
    const reply = await eventually(async () => {
      const items = (await v.history()).body.items;
      return items.find((m) => m.author === 'operator') ?? null;
    }, 10_000);
    expect(reply?.text).toBe(expected);
  });
});
