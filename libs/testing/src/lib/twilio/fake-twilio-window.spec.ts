import twilio from 'twilio';
import { FakeTwilio } from './fake-twilio';
import type { FakeTwilioAccount } from './fake-twilio-types';
import { OriginRewritingClient, PeerServer } from './twilio-test-peers';

const SID = 'AC00000000000000000000000000000001';
const TOKEN = '00000000000000000000000000000001';
const SENDER = 'whatsapp:+14155238886';
const CUSTOMER = 'whatsapp:+4915112345678';
const DAY = 24 * 60 * 60 * 1000;

describe('FakeTwilio: the WhatsApp 24-hour window on the fake clock', () => {
  let now: number;
  let fake: FakeTwilio;
  let account: FakeTwilioAccount;
  let peer: PeerServer;
  let client: twilio.Twilio;

  const send = (body: string) =>
    client.messages.create({
      from: SENDER,
      to: CUSTOMER,
      body,
      statusCallback: `${peer.origin}/s`,
    });

  beforeEach(async () => {
    now = Date.UTC(2026, 0, 15, 9, 30, 0);
    fake = await FakeTwilio.start({ clock: () => now });
    peer = await PeerServer.start();
    account = fake.addAccount({ sid: SID, authToken: TOKEN });
    account.addSender(SENDER, { inboundUrl: `${peer.origin}/in` });
    client = twilio(SID, TOKEN, { httpClient: new OriginRewritingClient(fake.origin) });
  });

  afterEach(async () => {
    await fake.stop();
    await peer.stop();
  });

  it('is closed before the customer ever wrote, open for 24 hours after, then closed again', async () => {
    const never = await send('first contact');
    await account.waitFor((a) => a.messages[0].status === 'failed');
    expect(account.messages[0]).toMatchObject({ sid: never.sid, errorCode: 63016 });

    await account.customerSays(CUSTOMER, SENDER, 'hello');
    now += DAY - 1;
    const inside = await send('answer in time');
    expect(inside.dateCreated).toEqual(new Date(now - (now % 1000)));

    now += 1;
    const late = await send('answer too late');
    await account.waitFor((a) => a.messages[2].status === 'failed');
    expect(account.messages.map((m) => [m.body, m.status, m.errorCode])).toEqual([
      ['first contact', 'failed', 63016],
      ['answer in time', 'queued', null],
      ['answer too late', 'failed', 63016],
    ]);
    expect(late.status).toBe('queued');

    // A customer reply reopens it at once.
    await account.customerSays(CUSTOMER, SENDER, 'still there?');
    await send('yes!');
    account.autoStatus(true);
    await send('and more');
    await account.waitFor((a) => a.messages[4].status === 'read');
    expect(account.messages[3].status).toBe('queued');
  });

  it('fails an unapproved template outside the window like free text', async () => {
    account.addTemplate({
      sid: 'HX00000000000000000000000000000001',
      friendlyName: 'pending_one',
      language: 'de',
      body: 'Hallo {{1}}',
      approval: 'pending',
    });
    const sent = await client.messages.create({
      from: SENDER,
      to: CUSTOMER,
      contentSid: 'HX00000000000000000000000000000001',
    });
    expect(sent.body).toBe('Hallo sample_1');
    await account.waitFor((a) => a.messages[0].status === 'failed');
    expect(account.messages[0].errorCode).toBe(63016);
  });
});
