import type { InboundEvent, InboxContext } from '@switchboard/channels-core';
import { FakeTwilio, type FakeTwilioAccount } from '@switchboard/testing';
import { WebhookRecorder } from '../fixtures/webhook-recorder';
import { MEDIA_GONE_MESSAGE } from './media/fetch-twilio-media';
import { TwilioChannelAdapter } from './twilio-channel.adapter';
import { twilioWebhookUrls } from './twilio-webhook-urls';
import type { TwilioSecrets, TwilioSettings } from './twilio.schemas';

const ACCOUNT_SID = 'AC00000000000000000000000000c0de03';
const AUTH_TOKEN = 'c0de0000000000000000000000000003';
const WHATSAPP = 'whatsapp:+14155238886';
const SMS = '+14155550100';
const CUSTOMER = 'whatsapp:+4915112340003';
const hx = (n: number) => `HX${n.toString(16).padStart(32, '0')}`;

let fake: FakeTwilio;
let account: FakeTwilioAccount;
let recorder: WebhookRecorder;
let adapter: TwilioChannelAdapter;

const ctx = (
  overrides: { sender?: string; accountSid?: string; authToken?: string } = {},
): InboxContext<TwilioSettings, TwilioSecrets> => ({
  inboxId: 'inbox-connect',
  settings: {
    accountSid: overrides.accountSid ?? ACCOUNT_SID,
    sender: overrides.sender ?? WHATSAPP,
  },
  secrets: { authToken: overrides.authToken ?? AUTH_TOKEN },
  publicUrl: recorder.origin,
});

beforeAll(async () => {
  fake = await FakeTwilio.start();
  recorder = await WebhookRecorder.start();
  account = fake.addAccount({
    sid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    friendlyName: 'Acme Support',
  });
  account.addSender(WHATSAPP, {
    inboundUrl: twilioWebhookUrls(recorder.origin, 'inbox-connect').inbound,
  });
  adapter = new TwilioChannelAdapter({ apiOrigin: fake.origin });
});

afterAll(async () => {
  await fake.stop();
  await recorder.stop();
});

describe('TwilioChannelAdapter.connect', () => {
  it("checks the credentials and learns the account's name", async () => {
    expect(await adapter.connect(ctx())).toEqual({ settings: { accountName: 'Acme Support' } });
  });

  it('refuses a wrong token or an unknown account with AUTH_FAILED', async () => {
    await expect(adapter.connect(ctx({ authToken: 'f'.repeat(32) }))).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      message: 'Twilio rejected the Account SID or auth token (20003)',
    });
    await expect(adapter.connect(ctx({ accountSid: `AC${'e'.repeat(32)}` }))).rejects.toMatchObject(
      {
        code: 'AUTH_FAILED',
      },
    );
  });

  it("refuses with Twilio's reason when Twilio says something else", async () => {
    account.failNext({ status: 403, code: 20008, message: 'Resource not accessible' }, 1, '**');
    await expect(adapter.connect(ctx())).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'Twilio refused (20008): Resource not accessible',
    });
  });
});

describe('TwilioChannelAdapter.listTemplates', () => {
  beforeAll(() => {
    account.addTemplate({
      sid: hx(1),
      friendlyName: 'order_shipped',
      language: 'en',
      body: 'Hi {{1}}, order {{2}} has shipped.',
      approval: 'approved',
    });
    account.addTemplate({
      sid: hx(2),
      friendlyName: 'survey',
      language: 'de',
      body: 'Wie war es, {{1}}?',
      approval: 'pending',
    });
  });

  it('lists Content API templates with their WhatsApp approval', async () => {
    const templates = await adapter.listTemplates(ctx());
    expect(templates).toEqual(
      expect.arrayContaining([
        {
          id: hx(1),
          name: 'order_shipped',
          language: 'en',
          body: 'Hi {{1}}, order {{2}} has shipped.',
          variables: ['1', '2'],
          approval: 'approved',
        },
        expect.objectContaining({
          id: hx(2),
          language: 'de',
          approval: 'pending',
          variables: ['1'],
        }),
      ]),
    );
    expect(templates).toHaveLength(2);
  });

  it('calls every template approved on an SMS inbox', async () => {
    const templates = await adapter.listTemplates(ctx({ sender: SMS }));
    expect(templates.map((t) => t.approval)).toEqual(['approved', 'approved']);
  });

  it('throws a ChannelError when Twilio refuses', async () => {
    await expect(adapter.listTemplates(ctx({ authToken: 'f'.repeat(32) }))).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
  });
});

describe('TwilioChannelAdapter.fetchAttachment', () => {
  const IMAGE = Buffer.from('\x89PNG customer photo');

  async function mediaRef(): Promise<string> {
    const said = await account.customerSays(CUSTOMER, WHATSAPP, 'photo', {
      media: [{ bytes: IMAGE, contentType: 'image/png' }],
    });
    const [webhook] = recorder.withParam('MessageSid', said.messageSid);
    expect(adapter.verifyWebhook(webhook, ctx())).toBe(true);
    const [event] = adapter.parseInbound(webhook, ctx()) as Extract<
      InboundEvent,
      { type: 'message' }
    >[];
    const [file] = event.attachments ?? [];
    if (!file || !('remote' in file)) throw new Error('expected a remote file');
    expect(file).toMatchObject({ filename: 'media-1.png', contentType: 'image/png' });
    return file.remote.ref;
  }

  it("downloads a customer's media with the account's credentials, through the redirect", async () => {
    const ref = await mediaRef();
    expect(await adapter.fetchAttachment(ref, ctx())).toEqual({
      ok: true,
      content: IMAGE,
      contentType: 'image/png',
    });
  });

  it('reports expired media as gone for good', async () => {
    const ref = await mediaRef();
    account.expireMedia(ref.slice(ref.lastIndexOf('/') + 1));
    expect(await adapter.fetchAttachment(ref, ctx())).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: MEDIA_GONE_MESSAGE, retryable: false },
    });
  });

  it('reports rejected credentials', async () => {
    const ref = await mediaRef();
    expect(await adapter.fetchAttachment(ref, ctx({ authToken: 'f'.repeat(32) }))).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED' },
    });
  });
});

describe('status callbacks from Twilio', () => {
  it('verifies and parses shuffled, repeated callbacks', async () => {
    await account.customerSays(CUSTOMER, WHATSAPP, 'hello');
    const result = await adapter.send(
      {
        idempotencyKey: 'status-spec',
        conversation: { id: 'c', number: 1, subject: null, threadExternalIds: [] },
        recipient: { externalId: CUSTOMER, name: null, email: null, phone: null },
        sender: { name: null },
        text: 'Tracked',
        html: null,
        attachments: [],
      },
      ctx(),
    );
    if (!result.ok) throw new Error(result.error.message);
    const answers = await account.sendStatusCallbacks(result.externalId, undefined, {
      shuffle: true,
      duplicate: true,
    });
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    const callbacks = recorder.withParam('MessageSid', result.externalId);
    expect(callbacks).toHaveLength(6);
    const statuses = callbacks.map((callback) => {
      expect(callback.url).toBe(twilioWebhookUrls(recorder.origin, 'inbox-connect').statusCallback);
      expect(adapter.verifyWebhook(callback, ctx())).toBe(true);
      const [event] = adapter.parseInbound(callback, ctx());
      return event.type === 'status' ? event.status : event.type;
    });
    expect(statuses.sort()).toEqual(['delivered', 'delivered', 'read', 'read', 'sent', 'sent']);
  });
});
