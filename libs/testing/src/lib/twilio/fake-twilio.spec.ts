import twilio from 'twilio';
import { FakeTwilio } from './fake-twilio';
import type { FakeTwilioAccount } from './fake-twilio-types';
import {
  OriginRewritingClient,
  PeerServer,
  type PeerAnswer,
  type PeerRoute,
} from './twilio-test-peers';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = '0123456789abcdef0123456789abcdef';
const WA_SENDER = 'whatsapp:+14155238886';
const SMS_SENDER = '+14155550100';
const CUSTOMER = 'whatsapp:+4915112345678';
const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';
const HOUR = 60 * 60 * 1000;

/** Serves a photo, directly and through a redirect, and answers anything else with TwiML. */
const mediaPeer: PeerRoute = (req): PeerAnswer => {
  if (req.url.endsWith('/moved')) return { status: 302, headers: { location: '/photo.jpg' } };
  if (req.url.endsWith('/photo.jpg')) {
    return {
      status: 200,
      headers: { 'content-type': 'image/jpeg' },
      body: Buffer.from('JPEGBYTES'),
    };
  }
  return { status: 200, body: '<Response/>' };
};

/** The error a twilio-node call failed with. */
async function restError(
  call: Promise<unknown>,
): Promise<{ status: number; code?: number; message: string; moreInfo?: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof twilio.RestException) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('FakeTwilio through the real twilio client', () => {
  let fake: FakeTwilio;
  let account: FakeTwilioAccount;
  let peer: PeerServer;
  let client: twilio.Twilio;

  beforeEach(async () => {
    fake = await FakeTwilio.start();
    peer = await PeerServer.start(mediaPeer);
    account = fake.addAccount({ sid: SID, authToken: TOKEN, friendlyName: 'Acme Support' });
    account.addSender(WA_SENDER, { inboundUrl: `${peer.origin}/inbound` });
    account.addSender(SMS_SENDER, { inboundUrl: `${peer.origin}/inbound` });
    client = twilio(SID, TOKEN, { httpClient: new OriginRewritingClient(fake.origin) });
  });

  afterEach(async () => {
    await fake.stop();
    await peer.stop();
  });

  it('fetches the account, and answers 20003 to a wrong token and 20404 to an unknown account', async () => {
    const fetched = await client.api.v2010.accounts(SID).fetch();
    expect(fetched).toMatchObject({
      sid: SID,
      friendlyName: 'Acme Support',
      status: 'active',
      type: 'Full',
    });
    expect(fetched.dateCreated).toBeInstanceOf(Date);

    const wrong = twilio(SID, 'f'.repeat(32), {
      httpClient: new OriginRewritingClient(fake.origin),
    });
    await expect(restError(wrong.api.v2010.accounts(SID).fetch())).resolves.toMatchObject({
      status: 401,
      code: 20003,
      message: 'Authenticate',
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
    const unknown = `AC${'9'.repeat(32)}`;
    await expect(restError(client.api.v2010.accounts(unknown).fetch())).resolves.toMatchObject({
      status: 404,
      code: 20404,
    });
    expect(account.callCount('GET /2010-04-01/Accounts/*.json')).toBe(2);
  });

  it('creates and fetches a WhatsApp text inside the window', async () => {
    await account.customerSays(CUSTOMER, WA_SENDER, 'hi');
    const sent = await client.messages.create({
      from: WA_SENDER,
      to: CUSTOMER,
      body: 'Hello Anna',
    });
    expect(sent).toMatchObject({
      from: WA_SENDER,
      to: CUSTOMER,
      body: 'Hello Anna',
      status: 'queued',
      direction: 'outbound-api',
      numMedia: '0',
      numSegments: '1',
      errorCode: null,
      uri: `/2010-04-01/Accounts/${SID}/Messages/${sent.sid}.json`,
    });
    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(account.messages).toEqual([
      expect.objectContaining({
        sid: sent.sid,
        body: 'Hello Anna',
        mediaUrls: [],
        contentSid: null,
      }),
    ]);
    const fetched = await client.messages(sent.sid).fetch();
    expect(fetched).toMatchObject({ sid: sent.sid, status: 'queued', body: 'Hello Anna' });
  });

  it('counts SMS segments and fetches media after create, following redirects', async () => {
    const sent = await client.messages.create({
      from: SMS_SENDER,
      to: '+4915112345678',
      body: 'x'.repeat(161),
      mediaUrl: [`${peer.origin}/moved`, `${peer.origin}/photo.jpg`],
    });
    expect(sent).toMatchObject({ numSegments: '2', numMedia: '2', status: 'queued' });
    await account.waitFor((a) => a.messages[0].fetchedMedia.length === 2);
    const [viaRedirect, direct] = account.messages[0].fetchedMedia;
    expect(viaRedirect).toEqual({
      status: 200,
      contentType: 'image/jpeg',
      bytes: Buffer.from('JPEGBYTES'),
    });
    expect(direct?.bytes.toString()).toBe('JPEGBYTES');
    expect(account.messages[0].status).toBe('queued');
  });

  it('sends an approved template outside the window with its variables filled in', async () => {
    account.addTemplate({
      sid: TEMPLATE,
      friendlyName: 'order_update',
      language: 'en',
      body: 'Hi {{1}}, your order {{2}} has shipped.',
      approval: 'approved',
    });
    account.autoStatus(true);
    account.ageWindow(CUSTOMER, 25 * HOUR);
    const sent = await client.messages.create({
      from: WA_SENDER,
      to: CUSTOMER,
      contentSid: TEMPLATE,
      contentVariables: JSON.stringify({ 1: 'Anna', 2: '#1042' }),
      statusCallback: `${peer.origin}/status`,
    });
    expect(sent.body).toBe('Hi Anna, your order #1042 has shipped.');
    const callbacks = await peer.waitForRequests(3);
    expect(callbacks.map((r) => r.params['MessageStatus'])).toEqual(['sent', 'delivered', 'read']);
    expect(account.messages[0]).toMatchObject({
      contentSid: TEMPLATE,
      contentVariables: { '1': 'Anna', '2': '#1042' },
      status: 'read',
    });
  });

  it('accepts free text outside the window, then fails it with 63016 and a failed callback', async () => {
    account.ageWindow(CUSTOMER, 25 * HOUR);
    const sent = await client.messages.create({
      from: WA_SENDER,
      to: CUSTOMER,
      body: 'Are you still there?',
      statusCallback: `${peer.origin}/status?inbox=7`,
    });
    expect(sent.status).toBe('queued');
    const [callback] = await peer.waitForRequests(1);
    expect(callback.params).toMatchObject({
      MessageSid: sent.sid,
      MessageStatus: 'failed',
      ErrorCode: '63016',
    });
    expect(
      twilio.validateRequest(
        TOKEN,
        String(callback.headers['x-twilio-signature']),
        callback.url,
        callback.params,
      ),
    ).toBe(true);
    await expect(client.messages(sent.sid).fetch()).resolves.toMatchObject({
      status: 'failed',
      errorCode: 63016,
    });
  });

  it.each([
    ['21211 for a malformed To', { to: 'whatsapp:12345' }, 21211],
    ['21910 for a To of another channel', { to: '+4915112345678' }, 21910],
    ['63007 for a WhatsApp From that is no sender', { from: 'whatsapp:+14155550199' }, 63007],
    [
      '21606 for an SMS From that is no sender',
      { from: '+14155550199', to: '+4915112345678' },
      21606,
    ],
    ['21619 without body, media or content', { body: undefined }, 21619],
    ['21617 for a body over 1600 characters', { body: 'y'.repeat(1601) }, 21617],
    [
      '21655 for an unknown ContentSid',
      { body: undefined, contentSid: `HX${'0'.repeat(32)}` },
      21655,
    ],
  ])('answers %s', async (_name, override, code) => {
    const params = { from: WA_SENDER, to: CUSTOMER, body: 'hello', ...override };
    await expect(restError(client.messages.create(params))).resolves.toMatchObject({
      status: 400,
      code,
    });
    expect(account.messages).toHaveLength(0);
  });

  it('answers 21610 for an unsubscribed recipient, and SMS STOP unsubscribes', async () => {
    account.unsubscribe(CUSTOMER);
    await expect(
      restError(client.messages.create({ from: WA_SENDER, to: CUSTOMER, body: 'hello' })),
    ).resolves.toMatchObject({
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
    });

    const inbound = await account.customerSays('+4915112345678', SMS_SENDER, 'Stop');
    expect(inbound.params['OptOutType']).toBe('STOP');
    await expect(
      restError(client.messages.create({ from: SMS_SENDER, to: '+4915112345678', body: 'hello' })),
    ).resolves.toMatchObject({ code: 21610 });
  });

  it('answers 20429 when injected and when over the rate', async () => {
    account.failNext({ status: 429, code: 20429, message: 'Too Many Requests' });
    await expect(
      restError(client.messages.create({ from: SMS_SENDER, to: '+4915112345678', body: 'a' })),
    ).resolves.toMatchObject({ status: 429, code: 20429 });
    await client.messages.create({ from: SMS_SENDER, to: '+4915112345678', body: 'b' });
    expect(account.callCount('POST **Messages.json')).toBe(2);

    const limited = fake.addAccount({
      sid: `AC${'1'.repeat(32)}`,
      authToken: TOKEN,
      rateLimitPerSecond: 1,
    });
    const limitedClient = twilio(limited.sid, TOKEN, {
      httpClient: new OriginRewritingClient(fake.origin),
    });
    const answers = await Promise.allSettled(
      [1, 2, 3].map(() => limitedClient.api.v2010.accounts(limited.sid).fetch()),
    );
    // One per second: one passes; the others, sent at once, are refused.
    expect(answers.some((a) => a.status === 'fulfilled')).toBe(true);
    const refused = answers.filter((a) => a.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.reason).toMatchObject({ status: 429, code: 20429 });
    }
  });

  it('lists templates with their approval through the Content API, page by page', async () => {
    const approvals = ['approved', 'pending', 'rejected'] as const;
    approvals.forEach((approval, n) =>
      account.addTemplate({
        sid: `HX${String(n).repeat(32)}`,
        friendlyName: `template_${n}`,
        language: 'en',
        body: `Hello {{1}}, number ${n}`,
        approval,
      }),
    );
    const listed = await client.content.v1.contentAndApprovals.list({ pageSize: 2 });
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({
      sid: `HX${'0'.repeat(32)}`,
      accountSid: SID,
      friendlyName: 'template_0',
      language: 'en',
      variables: { '1': 'sample_1' },
      types: { 'twilio/text': { body: 'Hello {{1}}, number 0' } },
      approvalRequests: { name: 'template_0', status: 'approved', category: 'UTILITY' },
    });
    expect(listed.map((t) => (t.approvalRequests as unknown as { status: string }).status)).toEqual(
      [...approvals],
    );
    expect(account.callCount('GET /v1/ContentAndApprovals')).toBe(2);

    const one = await client.content.v1.contents(`HX${'1'.repeat(32)}`).fetch();
    expect(one).toMatchObject({
      friendlyName: 'template_1',
      url: `https://content.twilio.com/v1/Content/HX${'1'.repeat(32)}`,
    });
  });
});
