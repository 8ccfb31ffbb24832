import twilio from 'twilio';
import { FakeTwilio } from './fake-twilio';
import type { FakeTwilioAccount } from './fake-twilio-types';
import { OriginRewritingClient, PeerServer, type RecordedRequest } from './twilio-test-peers';

const SID = 'ACfedcba9876543210fedcba9876543210';
const TOKEN = 'fedcba9876543210fedcba9876543210';
const WA_SENDER = 'whatsapp:+14155238886';
const SMS_SENDER = '+14155550100';
const CUSTOMER = 'whatsapp:+4915112345678';

function signedByTwilio(req: RecordedRequest, token = TOKEN): boolean {
  const signature = req.headers['x-twilio-signature'];
  return (
    typeof signature === 'string' && twilio.validateRequest(token, signature, req.url, req.params)
  );
}

describe('FakeTwilio webhooks, media and status callbacks', () => {
  let fake: FakeTwilio;
  let account: FakeTwilioAccount;
  let peer: PeerServer;

  beforeEach(async () => {
    fake = await FakeTwilio.start();
    peer = await PeerServer.start();
    account = fake.addAccount({ sid: SID, authToken: TOKEN });
    account.addSender(WA_SENDER, { inboundUrl: `${peer.origin}/api/webhooks/9?x=1` });
    account.addSender(SMS_SENDER, { inboundUrl: `${peer.origin}/api/webhooks/10` });
  });

  afterEach(async () => {
    await fake.stop();
    await peer.stop();
  });

  it('posts a WhatsApp message as Twilio’s form webhook, signed for the exact URL', async () => {
    const result = await account.customerSays(CUSTOMER, WA_SENDER, 'Where is my order?', {
      profileName: 'Anna',
      originalRepliedMessageSid: 'SM' + 'c'.repeat(32),
    });
    expect(result).toMatchObject({ status: 200, body: '<Response/>' });
    expect(result.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    const [req] = peer.requests;
    expect(req.url).toBe(`${peer.origin}/api/webhooks/9?x=1`);
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.params).toEqual({
      AccountSid: SID,
      ApiVersion: '2010-04-01',
      Body: 'Where is my order?',
      From: CUSTOMER,
      MessageSid: result.messageSid,
      MessageType: 'text',
      NumMedia: '0',
      NumSegments: '1',
      OriginalRepliedMessageSender: WA_SENDER,
      OriginalRepliedMessageSid: 'SM' + 'c'.repeat(32),
      ProfileName: 'Anna',
      ReferralNumMedia: '0',
      SmsMessageSid: result.messageSid,
      SmsSid: result.messageSid,
      SmsStatus: 'received',
      To: WA_SENDER,
      WaId: '4915112345678',
    });
    expect(signedByTwilio(req)).toBe(true);
    expect(signedByTwilio(req, 'f'.repeat(32))).toBe(false);
    expect(signedByTwilio({ ...req, params: { ...req.params, Body: 'tampered' } })).toBe(false);
  });

  it('sends location, button answers and SMS without WhatsApp fields', async () => {
    const located = await account.customerSays(CUSTOMER, WA_SENDER, '', {
      location: { latitude: 52.52, longitude: 13.405, label: 'Office', address: 'Berlin' },
    });
    expect(located.params).toMatchObject({
      Latitude: '52.52',
      Longitude: '13.405',
      Label: 'Office',
      Address: 'Berlin',
      MessageType: 'location',
    });
    const button = await account.customerSays(CUSTOMER, WA_SENDER, 'Yes', {
      buttonText: 'Yes',
      buttonPayload: 'confirm-1042',
    });
    expect(button.params).toMatchObject({
      ButtonText: 'Yes',
      ButtonPayload: 'confirm-1042',
      MessageType: 'button',
    });
    const sms = await account.customerSays('+4915112345678', SMS_SENDER, 'hello');
    expect(sms.params['WaId']).toBeUndefined();
    expect(sms.params['ProfileName']).toBeUndefined();
    expect(signedByTwilio(peer.requests[2])).toBe(true);
  });

  it('serves inbound media behind basic auth and a 307 to an unauthenticated store', async () => {
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const result = await account.customerSays(CUSTOMER, WA_SENDER, 'see photo', {
      media: [{ bytes: photo, contentType: 'image/jpeg' }],
    });
    expect(result.messageSid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(result.params).toMatchObject({
      NumMedia: '1',
      MediaContentType0: 'image/jpeg',
      MessageType: 'image',
    });
    const mediaUrl = result.params['MediaUrl0'];
    expect(mediaUrl).toMatch(
      new RegExp(
        `^${fake.origin}/2010-04-01/Accounts/${SID}/Messages/${result.messageSid}/Media/ME[0-9a-f]{32}$`,
      ),
    );

    const anonymous = await fetch(mediaUrl, { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 20003, status: 401 });

    const authorization = 'Basic ' + Buffer.from(`${SID}:${TOKEN}`).toString('base64');
    const redirect = await fetch(mediaUrl, { headers: { authorization }, redirect: 'manual' });
    expect(redirect.status).toBe(307);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(`${fake.origin}/media-store/`)).toBe(true);
    const stored = await fetch(location);
    expect(stored.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(photo);

    account.expireMedia(mediaUrl.slice(mediaUrl.lastIndexOf('/') + 1));
    expect((await fetch(mediaUrl, { headers: { authorization } })).status).toBe(404);
    expect((await fetch(location)).status).toBe(404);
  });

  it('lists and fetches inbound media and messages through the client', async () => {
    const client = twilio(SID, TOKEN, { httpClient: new OriginRewritingClient(fake.origin) });
    const result = await account.customerSays(CUSTOMER, WA_SENDER, '', {
      media: [{ bytes: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' }],
    });
    const media = await client.messages(result.messageSid).media.list();
    expect(media).toEqual([
      expect.objectContaining({ contentType: 'application/pdf', parentSid: result.messageSid }),
    ]);
    await expect(client.messages(result.messageSid).fetch()).resolves.toMatchObject({
      direction: 'inbound',
      status: 'received',
      numMedia: '1',
    });
  });

  it('delivers shuffled and repeated status callbacks, each signed', async () => {
    await account.customerSays(CUSTOMER, WA_SENDER, 'hi');
    const client = twilio(SID, TOKEN, { httpClient: new OriginRewritingClient(fake.origin) });
    const callbackUrl = `${peer.origin}/api/webhooks/9?event=status`;
    const sent = await client.messages.create({
      from: WA_SENDER,
      to: CUSTOMER,
      body: 'ok',
      statusCallback: callbackUrl,
    });

    const answers = await account.sendStatusCallbacks(sent.sid, undefined, {
      shuffle: true,
      duplicate: true,
    });
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    const callbacks = peer.requests.slice(1);
    const order = callbacks.map((r) => r.params['MessageStatus']);
    expect([...order].sort()).toEqual(['delivered', 'delivered', 'read', 'read', 'sent', 'sent']);
    expect(order).not.toEqual(['sent', 'delivered', 'read', 'sent', 'delivered', 'read']);
    expect(callbacks.every((r) => r.url === callbackUrl && signedByTwilio(r))).toBe(true);
    expect(callbacks[0].params).toMatchObject({
      MessageSid: sent.sid,
      SmsSid: sent.sid,
      AccountSid: SID,
      From: WA_SENDER,
      To: CUSTOMER,
      ChannelToAddress: '+4915112345678',
      ApiVersion: '2010-04-01',
    });
    expect(account.messages[0].status).toBe('read');

    await account.sendStatusCallbacks(sent.sid, ['undelivered'], { errorCode: 63024 });
    expect(peer.requests.at(-1)?.params).toMatchObject({
      MessageStatus: 'undelivered',
      ErrorCode: '63024',
    });
    expect(account.messages[0]).toMatchObject({ status: 'undelivered', errorCode: 63024 });
  });

  it('posts forged requests when asked: unsigned, wrong token, signed for another URL', async () => {
    const url = `${peer.origin}/api/webhooks/9`;
    const params = { From: CUSTOMER, To: WA_SENDER, Body: 'x', MessageSid: 'SM' + 'd'.repeat(32) };
    await account.post(url, params, { signature: null });
    await account.post(url, params, { token: 'f'.repeat(32) });
    await account.post(url, params, { signatureFor: `${peer.origin}/api/webhooks/10` });
    await account.post(url, params);
    expect(peer.requests[0].headers['x-twilio-signature']).toBeUndefined();
    expect(peer.requests.map((r) => signedByTwilio(r))).toEqual([false, false, false, true]);
  });
});
