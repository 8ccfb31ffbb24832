import type {
  ConversationDetailDto,
  ConversationSummaryDto,
  InboxDto,
  MessageDto,
  MessageTemplateDto,
} from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  FakeTwilio,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  twilioSignature,
  type ApiClient,
  type FakeTwilioAccount,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import {
  conversationIn as conversationIn_,
  downloadFile,
  PNG,
  timeline as timeline_,
  uploadFile,
} from '../channels/testing/channel-test-kit';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'a'.repeat(32);
const WHATSAPP = 'whatsapp:+14155238886';
const SMS = '+14155550100';
const ANA = 'whatsapp:+4915112345678';
const APPROVED = `HX${'a'.repeat(32)}`;
const PENDING = `HX${'b'.repeat(32)}`;

/**
 * WhatsApp and SMS through Twilio, end to end through the real API, PostgreSQL and the `twilio`
 * client against the fake: messages and media in, replies and media out, status callbacks in any
 * order, forged webhooks refused, and the 24-hour window enforced by the server.
 */
describe('WhatsApp and SMS through Twilio', () => {
  let db: TestDatabase;
  let fake: FakeTwilio;
  let account: FakeTwilioAccount;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;
  let socket: RecordingOperatorSocket;
  let whatsapp: InboxDto;
  let sms: InboxDto;

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await FakeTwilio.start();
    account = fake.addAccount({ sid: SID, authToken: TOKEN, friendlyName: 'Acme Support' });
    account.addTemplate({
      sid: APPROVED,
      friendlyName: 'order_update',
      language: 'en',
      body: 'Hi {{1}}, your order {{2}} has an update. Reply to continue.',
      approval: 'approved',
    });
    account.addTemplate({
      sid: PENDING,
      friendlyName: 'promo',
      language: 'en',
      body: 'Sale on {{1}}!',
      approval: 'pending',
    });
    api = await startTestApi({ databaseUrl: db.url, env: { TWILIO_API_ORIGIN: fake.origin } });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
  });

  afterAll(async () => {
    socket?.close();
    await api?.close();
    await fake?.stop();
    await db?.drop();
  });

  const connect = (name: string, sender: string, authToken = TOKEN) =>
    admin.request<InboxDto>('POST', '/api/inboxes', {
      kind: 'whatsapp',
      name,
      settings: { accountSid: SID, sender },
      secrets: { authToken },
    });

  const conversationIn = (inbox: InboxDto, who: string) => conversationIn_(admin, inbox.id, who);
  const timeline = (conversationId: string) => timeline_(admin, conversationId);

  it('connects a WhatsApp sender and an SMS number, checked against Twilio, secrets never returned', async () => {
    const refused = await connect('Bad', WHATSAPP, 'f'.repeat(32));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('20003');

    const created = await connect('WhatsApp', WHATSAPP);
    expect(created.status).toBe(201);
    whatsapp = created.body;
    expect(whatsapp.settings).toMatchObject({ accountName: 'Acme Support', sender: WHATSAPP });
    expect(whatsapp.replyWindowHours).toBe(24);
    expect(whatsapp.webhookUrl).toBe(`${api.baseUrl}/api/webhooks/${whatsapp.id}`);
    expect(whatsapp.statusCallbackUrl).toBe(`${whatsapp.webhookUrl}?event=status`);
    expect(JSON.stringify(whatsapp)).not.toContain(TOKEN);

    sms = (await connect('SMS', SMS)).body;
    expect(sms.replyWindowHours).toBeNull();
    account.addSender(WHATSAPP, { inboundUrl: whatsapp.webhookUrl });
    account.addSender(SMS, { inboundUrl: sms.webhookUrl });
  });

  it('shows text, media, location and button answers live, on one contact joined across SMS and WhatsApp', async () => {
    // Ana texted the SMS number first: her WhatsApp identity joins the same card by number.
    expect((await account.customerSays('+4915112345678', SMS, 'Hello by SMS')).status).toBe(200);
    const bySms = await conversationIn(sms, '+4915112345678');

    const text = await account.customerSays(ANA, WHATSAPP, 'Where is my order?', {
      profileName: 'Ana Lima',
    });
    expect(text.status).toBe(200);
    await account.customerSays(ANA, WHATSAPP, 'Here is the label', {
      media: [{ bytes: PNG, contentType: 'image/png' }],
    });
    await account.customerSays(ANA, WHATSAPP, '', {
      location: { latitude: 38.7223, longitude: -9.1393, label: 'Warehouse', address: 'Rua A 1' },
    });
    await account.customerSays(ANA, WHATSAPP, 'Yes, resend', {
      buttonText: 'Yes, resend',
      buttonPayload: 'RESEND',
    });
    const conv = await conversationIn(whatsapp, 'Ana Lima');
    expect(conv.channel).toBe('whatsapp');
    expect(conv.contact.id).toBe(bySms.contact.id);
    const detail = await admin.ok<ConversationDetailDto>('GET', `/api/conversations/${conv.id}`);
    expect(detail.contactCard.phone).toBe('+4915112345678');
    expect(detail.contactCard.identities).toHaveLength(2);

    const settled = await eventually(async () => {
      const m = await timeline(conv.id);
      return m.length === 4 && m[1]!.attachments[0]?.url ? m : null;
    }, 15_000);
    expect(settled.map((m) => m.text)).toEqual([
      'Where is my order?',
      'Here is the label',
      expect.stringContaining('Warehouse'),
      expect.stringContaining('Yes, resend'),
    ]);
    expect(settled[2]!.text).toContain('openstreetmap.org');
    expect(await downloadFile(api.baseUrl, token, settled[1]!.attachments[0]!.url)).toEqual(PNG);
    expect(
      socket.events.some(
        (e) =>
          e.type === 'message.created' &&
          (e.payload as { message: MessageDto }).message.text === 'Where is my order?',
      ),
    ).toBe(true);
  });

  it('keeps the text of a message whose media is gone, with the file marked unavailable', async () => {
    const sent = await account.customerSays(ANA, WHATSAPP, 'Second photo', {
      media: [{ bytes: PNG, contentType: 'image/png' }],
    });
    const mediaSid = /\/Media\/(ME[0-9a-f]+)/.exec(sent.params['MediaUrl0'] ?? '')?.[1];
    expect(mediaSid).toBeTruthy();
    account.expireMedia(mediaSid!);
    const conv = await conversationIn(whatsapp, 'Ana Lima');
    const message = await eventually(async () => {
      const m = (await timeline(conv.id)).find((x) => x.text === 'Second photo');
      return m?.attachments[0]?.status === 'unavailable' && m;
    }, 15_000);
    expect(message.attachments[0]!.unavailableReason).toBeTruthy();
  });

  it('stores a webhook replayed three times once', async () => {
    const before = await api.dataSource.getRepository(MessageEntity).count();
    const params = {
      MessageSid: `SM${'c'.repeat(32)}`,
      SmsMessageSid: `SM${'c'.repeat(32)}`,
      AccountSid: SID,
      From: 'whatsapp:+351912345678',
      To: WHATSAPP,
      Body: 'Replayed',
      NumMedia: '0',
      ProfileName: 'Rui',
      WaId: '351912345678',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    };
    for (let i = 0; i < 3; i++)
      expect((await account.post(whatsapp.webhookUrl, params)).status).toBe(200);
    expect(await api.dataSource.getRepository(MessageEntity).count()).toBe(before + 1);
  });

  it('refuses every forged webhook with 403 and writes nothing', async () => {
    const count = () => api.dataSource.getRepository(MessageEntity).count();
    const before = await count();
    const params = {
      MessageSid: `SM${'d'.repeat(32)}`,
      AccountSid: SID,
      From: 'whatsapp:+351900000000',
      To: WHATSAPP,
      Body: 'forged',
      NumMedia: '0',
    };
    const forged = [
      await account.post(whatsapp.webhookUrl, params, { signature: null }),
      await account.post(whatsapp.webhookUrl, params, { token: 'e'.repeat(32) }),
      await account.post(
        whatsapp.webhookUrl,
        { ...params, Body: 'tampered' },
        {
          signature: twilioSignature(TOKEN, whatsapp.webhookUrl, params),
        },
      ),
      await account.post(whatsapp.webhookUrl, params, { signatureFor: `${api.baseUrl}/elsewhere` }),
      // Signed for the WhatsApp inbox, replayed to the SMS inbox.
      await account.post(sms.webhookUrl, params, { signatureFor: whatsapp.webhookUrl }),
    ];
    expect(forged.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await count()).toBe(before);
  });

  it('sends a reply with media and moves it through shuffled, repeated status callbacks to read', async () => {
    const conv = await conversationIn(whatsapp, 'Ana Lima');
    const file = await uploadFile(api.baseUrl, token, 'receipt.png', PNG, 'image/png');
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Your receipt is attached.',
      attachmentIds: [file.id],
    });
    await account.waitFor((a) => a.messages.some((m) => m.body === 'Your receipt is attached.'));
    const sent = account.messages.find((m) => m.body === 'Your receipt is attached.')!;
    expect(sent).toMatchObject({ from: WHATSAPP, to: ANA });
    expect(sent.statusCallback).toBe(whatsapp.statusCallbackUrl);
    await account.waitFor(() => sent.fetchedMedia.length === 1);
    expect(sent.fetchedMedia[0]?.bytes).toEqual(PNG);

    await eventually(async () => {
      const m = (await timeline(conv.id)).find((x) => x.id === reply.id);
      return m?.deliveryStatus === 'sent';
    });
    const answers = await account.sendStatusCallbacks(sent.sid, ['sent', 'delivered', 'read'], {
      shuffle: true,
      duplicate: true,
    });
    expect(answers.every((s) => s === 200)).toBe(true);
    const final = await eventually(async () => {
      const m = (await timeline(conv.id)).find((x) => x.id === reply.id);
      return m?.deliveryStatus === 'read' && m;
    });
    expect(final.deliveryStatus).toBe('read');
    // A late "delivered" never moves it back.
    await account.sendStatusCallbacks(sent.sid, ['delivered']);
    await new Promise((r) => setTimeout(r, 300));
    expect((await timeline(conv.id)).find((x) => x.id === reply.id)?.deliveryStatus).toBe('read');
  });

  it('refuses free text after 24 hours, sends an approved template with its variables, and reopens when the customer writes', async () => {
    const conv = await conversationIn(whatsapp, 'Ana Lima');
    expect(conv.replyWindowClosesAt).toBeTruthy();
    expect(Date.parse(conv.replyWindowClosesAt!)).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    await api.dataSource
      .getRepository(ConversationEntity)
      .update({ id: conv.id }, { lastIncomingAt: new Date(Date.now() - 25 * 3_600_000) });
    account.ageWindow(ANA, 25 * 3_600_000);
    const outgoing = () =>
      api.dataSource
        .getRepository(MessageEntity)
        .countBy({ conversationId: conv.id, direction: 'outgoing', kind: 'message' });
    const before = await outgoing();
    const refused = await admin.request('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Are you still there?',
    });
    expect(refused.status).toBe(422);
    expect((refused.body as { code: string }).code).toBe('REPLY_WINDOW_CLOSED');
    expect(await outgoing()).toBe(before);

    const templates = await admin.ok<MessageTemplateDto[]>(
      'GET',
      `/api/inboxes/${whatsapp.id}/templates`,
    );
    expect(templates.map((t) => [t.id, t.approval, t.variables])).toEqual(
      expect.arrayContaining([
        [APPROVED, 'approved', ['1', '2']],
        [PENDING, 'pending', ['1']],
      ]),
    );
    const pending = await admin.request('POST', `/api/conversations/${conv.id}/messages`, {
      template: { id: PENDING, variables: { '1': 'shoes' } },
    });
    expect(pending.status).toBe(400);
    const missing = await admin.request('POST', `/api/conversations/${conv.id}/messages`, {
      template: { id: APPROVED, variables: { '1': 'Ana' } },
    });
    expect(missing.status).toBe(400);

    const sent = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      template: { id: APPROVED, variables: { '1': 'Ana', '2': '#1042' } },
    });
    expect(sent.text).toBe('Hi Ana, your order #1042 has an update. Reply to continue.');
    expect(sent.template).toEqual({ id: APPROVED, variables: { '1': 'Ana', '2': '#1042' } });
    expect((await conversationIn(whatsapp, 'Ana Lima')).lastMessagePreview).toContain('Hi Ana');
    await account.waitFor((a) => a.messages.some((m) => m.contentSid === APPROVED));
    const viaTwilio = account.messages.find((m) => m.contentSid === APPROVED)!;
    expect(viaTwilio.contentVariables).toEqual({ '1': 'Ana', '2': '#1042' });

    await account.customerSays(ANA, WHATSAPP, 'Yes please');
    const reopened = await eventually(async () => {
      const e = [...socket.events]
        .reverse()
        .find(
          (x) =>
            x.type === 'message.created' &&
            (x.payload as { message: MessageDto }).message.text === 'Yes please',
        );
      return e && (e.payload as { conversation: ConversationSummaryDto }).conversation;
    });
    expect(Date.parse(reopened.replyWindowClosesAt!)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const free = await admin.request('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Great, sending now.',
    });
    expect(free.status).toBe(201);
    await account.waitFor((a) => a.messages.some((m) => m.body === 'Great, sending now.'));
  });

  it('shows which of our messages the customer replied to, and accepts a signature for the URL a proxy was called at', async () => {
    const ours = account.messages.find((m) => m.body === 'Your receipt is attached.')!;
    await account.customerSays(ANA, WHATSAPP, 'Thanks for this one', {
      originalRepliedMessageSid: ours.sid,
    });
    const conv = await conversationIn(whatsapp, 'Ana Lima');
    const quoted = await eventually(async () =>
      (await timeline(conv.id)).find((m) => m.text === 'Thanks for this one'),
    );
    expect(quoted.replyTo).toEqual({ id: expect.any(String), text: 'Your receipt is attached.' });

    // Behind a reverse proxy Twilio signs the public URL; the proxy forwards its host and scheme.
    const path = new URL(whatsapp.webhookUrl).pathname;
    const publicUrl = `https://support.acme.example${path}`;
    const params = {
      MessageSid: `SM${'9'.repeat(32)}`,
      AccountSid: SID,
      From: ANA,
      To: WHATSAPP,
      Body: 'Through the proxy',
      NumMedia: '0',
    };
    const res = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'support.acme.example',
        'x-twilio-signature': twilioSignature(TOKEN, publicUrl, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
  });

  it('explains a failed delivery in words', async () => {
    const conv = await conversationIn(sms, '+4915112345678');
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Did this arrive?',
    });
    await account.waitFor((a) => a.messages.some((m) => m.body === 'Did this arrive?'));
    const sid = account.messages.find((m) => m.body === 'Did this arrive?')!.sid;
    await eventually(async () => {
      const m = (await timeline(conv.id)).find((x) => x.id === reply.id);
      return m?.deliveryStatus === 'sent';
    });
    await account.sendStatusCallbacks(sid, ['undelivered'], { errorCode: 30003 });
    const failed = await eventually(async () => {
      const m = (await timeline(conv.id)).find((x) => x.id === reply.id);
      return m?.deliveryStatus === 'failed' ? m : null;
    });
    expect(failed.failureReason).toMatch(/30003/);
    expect(failed.failureReason!.length).toBeGreaterThan(12);
  });

  it('works end to end on an SMS number, with no window', async () => {
    const conv = await conversationIn(sms, '+4915112345678');
    expect(conv.replyWindowClosesAt ?? null).toBeNull();
    await admin.ok('POST', `/api/conversations/${conv.id}/messages`, { text: 'Got your SMS!' });
    await account.waitFor((a) => a.messages.some((m) => m.body === 'Got your SMS!'));
    expect(account.messages.find((m) => m.body === 'Got your SMS!')).toMatchObject({
      from: SMS,
      to: '+4915112345678',
    });
  });
});
