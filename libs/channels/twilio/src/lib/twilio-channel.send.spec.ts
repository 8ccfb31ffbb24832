import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboxContext, OutboundAttachment, OutboundMessage } from '@switchboard/channels-core';
import { FakeTwilio, type FakeTwilioAccount } from '@switchboard/testing';
import { WebhookRecorder } from '../fixtures/webhook-recorder';
import { TwilioChannelAdapter } from './twilio-channel.adapter';
import { twilioWebhookUrls } from './twilio-webhook-urls';
import type { TwilioSecrets, TwilioSettings } from './twilio.schemas';

const ACCOUNT_SID = 'AC00000000000000000000000000c0de02';
const AUTH_TOKEN = 'c0de0000000000000000000000000002';
const WHATSAPP = 'whatsapp:+14155238886';
const SMS = '+14155550100';
const TEMPLATE_SID = `HX${'ab'.repeat(16)}`;
const IMAGE = Buffer.from('\x89PNG\r\n\x1a\n fake image for the spec');

let fake: FakeTwilio;
let account: FakeTwilioAccount;
let recorder: WebhookRecorder;
let files: Server;
let filesOrigin: string;
let adapter: TwilioChannelAdapter;
let nextCustomer = 100;

const ctx = (
  sender = WHATSAPP,
  authToken = AUTH_TOKEN,
): InboxContext<TwilioSettings, TwilioSecrets> => ({
  inboxId: sender === WHATSAPP ? 'inbox-wa' : 'inbox-sms',
  settings: { accountSid: ACCOUNT_SID, sender },
  secrets: { authToken },
  publicUrl: recorder.origin,
});

function message(to: string, text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    idempotencyKey: `key-${Math.random()}`,
    conversation: { id: 'c', number: 1, subject: null, threadExternalIds: [] },
    recipient: { externalId: to, name: null, email: null, phone: null },
    sender: { name: 'Operator' },
    text,
    html: null,
    attachments: [],
    ...extra,
  };
}

/** A customer who wrote just now, so their WhatsApp window is open. */
async function newCustomer(channel: 'whatsapp' | 'sms' = 'whatsapp'): Promise<string> {
  const number = `+49151000${String(++nextCustomer).padStart(4, '0')}`;
  const address = channel === 'whatsapp' ? `whatsapp:${number}` : number;
  await account.customerSays(address, channel === 'whatsapp' ? WHATSAPP : SMS, 'Hi');
  return address;
}

async function sent(result: Awaited<ReturnType<TwilioChannelAdapter['send']>>) {
  if (!result.ok) throw new Error(`send failed: ${result.error.code} ${result.error.message}`);
  const stored = account.messages.find((m) => m.sid === result.externalId);
  if (!stored) throw new Error(`the fake has no message ${result.externalId}`);
  return stored;
}

beforeAll(async () => {
  fake = await FakeTwilio.start();
  recorder = await WebhookRecorder.start();
  account = fake.addAccount({ sid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  account.addSender(WHATSAPP, {
    inboundUrl: twilioWebhookUrls(recorder.origin, 'inbox-wa').inbound,
  });
  account.addSender(SMS, { inboundUrl: twilioWebhookUrls(recorder.origin, 'inbox-sms').inbound });
  account.addTemplate({
    sid: TEMPLATE_SID,
    friendlyName: 'order_shipped',
    language: 'en',
    body: 'Hi {{1}}, your order {{2}} has shipped.',
    approval: 'approved',
  });
  // Our file storage, as the signed URLs of outbound attachments would reach it.
  files = createServer((req, res) => {
    if (req.url === '/files/photo.png?sig=ok')
      res.writeHead(200, { 'content-type': 'image/png' }).end(IMAGE);
    else res.writeHead(403).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesOrigin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  adapter = new TwilioChannelAdapter({ apiOrigin: fake.origin });
});

afterAll(async () => {
  await fake.stop();
  await recorder.stop();
  await new Promise((resolve) => files.close(resolve));
});

describe('TwilioChannelAdapter.send', () => {
  it('sends text from the sender to the customer, with our status callback', async () => {
    const customer = await newCustomer();
    const stored = await sent(
      await adapter.send(message(customer, 'Your order is on its way'), ctx()),
    );
    expect(stored).toMatchObject({
      from: WHATSAPP,
      to: customer,
      body: 'Your order is on its way',
      mediaUrls: [],
      statusCallback: twilioWebhookUrls(recorder.origin, 'inbox-wa').statusCallback,
      contentSid: null,
    });
  });

  it('sends media as signed URLs that Twilio fetches', async () => {
    const customer = await newCustomer();
    const photo: OutboundAttachment = {
      filename: 'photo.png',
      contentType: 'image/png',
      size: IMAGE.length,
      read: async () => IMAGE,
      signedUrl: () => `${filesOrigin}/files/photo.png?sig=ok`,
    };
    const stored = await sent(
      await adapter.send(message(customer, 'The photo', { attachments: [photo] }), ctx()),
    );
    expect(stored.mediaUrls).toEqual([`${filesOrigin}/files/photo.png?sig=ok`]);
    await account.waitFor(() => stored.fetchedMedia.length === 1);
    expect(stored.fetchedMedia[0]).toMatchObject({
      status: 200,
      contentType: 'image/png',
      bytes: IMAGE,
    });
  });

  it('sends a template with its variables outside the window', async () => {
    const customer = await newCustomer();
    account.ageWindow(customer, 25 * 60 * 60 * 1000);
    const stored = await sent(
      await adapter.send(
        message(customer, 'Hi Erika, your order ORD-7 has shipped.', {
          template: { id: TEMPLATE_SID, variables: { '1': 'Erika', '2': 'ORD-7' } },
        }),
        ctx(),
      ),
    );
    expect(stored).toMatchObject({
      contentSid: TEMPLATE_SID,
      contentVariables: { '1': 'Erika', '2': 'ORD-7' },
      body: 'Hi Erika, your order ORD-7 has shipped.',
    });
  });

  it('learns from the status callback that free text outside the window failed (63016)', async () => {
    const customer = await newCustomer();
    account.ageWindow(customer, 25 * 60 * 60 * 1000);
    const result = await adapter.send(message(customer, 'Too late'), ctx());
    const stored = await sent(result);
    await recorder.waitFor(() => recorder.withParam('MessageSid', stored.sid).length > 0);
    const [callback] = recorder.withParam('MessageSid', stored.sid);
    expect(adapter.verifyWebhook(callback, ctx())).toBe(true);
    expect(adapter.parseInbound(callback, ctx())).toEqual([
      expect.objectContaining({
        type: 'status',
        externalId: stored.sid,
        status: 'failed',
        reason: expect.stringMatching(/^63016: outside the 24-hour WhatsApp window/),
      }),
    ]);
  });

  it('sends once per idempotency key, and again when an operator resends', async () => {
    const customer = await newCustomer();
    const once = message(customer, 'Only once');
    const first = await adapter.send(once, ctx());
    const second = await adapter.send(once, ctx());
    expect(second).toEqual(first);
    expect(account.messages.filter((m) => m.to === customer)).toHaveLength(1);
    const resent = await adapter.send({ ...once, deliberateResend: true }, ctx());
    expect(resent.ok && first.ok && resent.externalId !== first.externalId).toBe(true);
    expect(account.messages.filter((m) => m.to === customer)).toHaveLength(2);
  });

  it('adds the whatsapp: prefix to a bare number on a WhatsApp inbox', async () => {
    const customer = await newCustomer();
    const stored = await sent(await adapter.send(message(customer.slice(9), 'Prefixed'), ctx()));
    expect(stored.to).toBe(customer);
  });

  it('sends SMS from an SMS number, with no reply window', async () => {
    const customer = await newCustomer('sms');
    expect(adapter.replyWindowHours(ctx(SMS))).toBeNull();
    expect(adapter.replyWindowHours(ctx())).toBe(24);
    const stored = await sent(await adapter.send(message(customer, 'SMS reply'), ctx(SMS)));
    expect(stored).toMatchObject({ from: SMS, to: customer, body: 'SMS reply' });
  });
});

describe('TwilioChannelAdapter.send errors', () => {
  const failure = async (result: Awaited<ReturnType<TwilioChannelAdapter['send']>>) => {
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  };

  it('21211: an invalid number', async () => {
    account.failNext({
      status: 400,
      code: 21211,
      message: "The 'To' number +4915100 is not a valid phone number.",
    });
    expect(
      await failure(await adapter.send(message('whatsapp:+4915100000', 'x'), ctx())),
    ).toMatchObject({
      code: 'INVALID_RECIPIENT',
      message: '21211: invalid phone number',
    });
  });

  it('refuses what is no phone number without asking Twilio', async () => {
    const before = account.callCount('POST **Messages.json');
    expect(await failure(await adapter.send(message('whatsapp:hello', 'x'), ctx()))).toMatchObject({
      code: 'INVALID_RECIPIENT',
    });
    expect(
      await failure(await adapter.send(message('whatsapp:+4915112345678', 'x'), ctx(SMS))),
    ).toMatchObject({ code: 'INVALID_RECIPIENT' });
    expect(account.callCount('POST **Messages.json')).toBe(before);
  });

  it('21610: the customer unsubscribed', async () => {
    const customer = await newCustomer('sms');
    account.unsubscribe(customer);
    expect(await failure(await adapter.send(message(customer, 'x'), ctx(SMS)))).toMatchObject({
      code: 'INVALID_RECIPIENT',
      message: expect.stringContaining('the customer unsubscribed (STOP)'),
      retryable: false,
    });
  });

  it('20003: a wrong auth token, never quoted', async () => {
    const wrong = 'f'.repeat(32);
    const error = await failure(
      await adapter.send(message('whatsapp:+4915112345678', 'x'), ctx(WHATSAPP, wrong)),
    );
    expect(error).toMatchObject({
      code: 'AUTH_FAILED',
      message: 'Twilio rejected the Account SID or auth token (20003)',
    });
    expect(error.message).not.toContain(wrong);
  });

  it('20429: rate limited, with the Retry-After Twilio gave', async () => {
    const customer = await newCustomer();
    account.failNext({ status: 429, code: 20429, message: 'Too Many Requests' });
    expect(await failure(await adapter.send(message(customer, 'x'), ctx()))).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: expect.any(Number),
    });
  });

  it('63007: a sender the account does not have', async () => {
    const customer = await newCustomer();
    const other = {
      ...ctx(),
      settings: { accountSid: ACCOUNT_SID, sender: 'whatsapp:+14155550111' },
    };
    expect(await failure(await adapter.send(message(customer, 'x'), other))).toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
