import { ChannelInputError, inboundEventSchema } from '@switchboard/channels-core';
import {
  FIXTURE_CUSTOMER,
  FIXTURE_SMS_SENDER,
  FIXTURE_STATUS_URL,
  FIXTURE_WHATSAPP_SENDER,
  fixtureSid,
  formBody,
  signedWebhook,
  twilioInboundFixtures as inbound,
  twilioStatusFixtures as statuses,
} from '../../fixtures/twilio-webhooks';
import { classifyTwilioWebhook, parseTwilioWebhook } from './parse-twilio-webhook';
import { UNSUPPORTED_CONTENT_TEXT } from './parse-inbound-message';

const NOW = new Date('2026-11-30T10:00:00Z');
const now = () => NOW;

function parse(
  params: Record<string, string | string[]>,
  sender = FIXTURE_WHATSAPP_SENDER,
  url?: string,
) {
  const events = parseTwilioWebhook(signedWebhook(params, { url }), sender, now);
  for (const event of events) expect(inboundEventSchema.safeParse(event).success).toBe(true);
  return events;
}

function refusal(fn: () => unknown): ChannelInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ChannelInputError);
    return error as ChannelInputError;
  }
  throw new Error('expected a ChannelInputError');
}

describe('parseTwilioWebhook: inbound messages', () => {
  it('reads a WhatsApp text with the customer as sender, keeping the whatsapp: prefix', () => {
    expect(parse(inbound.whatsappText)).toEqual([
      {
        type: 'message',
        externalId: inbound.whatsappText.MessageSid,
        sender: {
          externalId: `whatsapp:${FIXTURE_CUSTOMER}`,
          name: 'Erika Mustermann',
          phone: FIXTURE_CUSTOMER,
        },
        text: 'Hello, where is my order #1234?',
        attachments: [],
        sentAt: NOW,
        replyToExternalId: null,
      },
    ]);
  });

  it('is deterministic: the same webhook gives the same ids', () => {
    const a = parse(inbound.whatsappImage);
    const b = parse(inbound.whatsappImage);
    expect(b).toEqual(a);
  });

  it('announces media as remote files keyed by their ME sid', () => {
    const [event] = parse(inbound.whatsappImage);
    expect(event).toMatchObject({
      text: 'Here is the photo',
      attachments: [
        {
          filename: 'media-1.jpg',
          contentType: 'image/jpeg',
          remote: {
            ref: inbound.whatsappImage.MediaUrl0,
            uniqueId: fixtureSid('ME', 2),
            size: null,
          },
        },
      ],
    });
  });

  it('reads every file of an MMS, and an SMS sender is a bare number', () => {
    const [event] = parse(inbound.smsTwoMedia, FIXTURE_SMS_SENDER);
    expect(event).toMatchObject({
      sender: { externalId: FIXTURE_CUSTOMER, name: null, phone: FIXTURE_CUSTOMER },
      text: 'Two pictures',
      attachments: [
        {
          filename: 'media-1.png',
          contentType: 'image/png',
          remote: { uniqueId: fixtureSid('ME', 61) },
        },
        {
          filename: 'media-2.pdf',
          contentType: 'application/pdf',
          remote: { uniqueId: fixtureSid('ME', 62) },
        },
      ],
    });
  });

  it('writes a shared location as text with a map link', () => {
    const [event] = parse(inbound.whatsappLocation);
    expect(event).toMatchObject({
      text: '📍 Acme HQ, Alexanderplatz 1, Berlin — https://www.openstreetmap.org/?mlat=52.520008&mlon=13.404954#map=17/52.520008/13.404954',
    });
    const bare = { ...inbound.whatsappLocation, Label: '', Address: '' };
    expect(parse(bare)[0]).toMatchObject({
      text: expect.stringMatching(/^📍 Shared location — https:/),
    });
  });

  it('reads a quick-reply button with its payload', () => {
    expect(parse(inbound.whatsappButton)[0]).toMatchObject({
      text: 'Yes, reschedule [button payload: RESCHEDULE_YES]',
    });
    const samePayload = { ...inbound.whatsappButton, ButtonPayload: 'Yes, reschedule' };
    expect(parse(samePayload)[0]).toMatchObject({ text: 'Yes, reschedule' });
  });

  it('keeps the message the customer replied to', () => {
    expect(parse(inbound.whatsappReply)[0]).toMatchObject({
      replyToExternalId: fixtureSid('SM', 99),
    });
  });

  it('records an SMS STOP as the customer becoming unreachable', () => {
    const events = parse(inbound.smsStop, FIXTURE_SMS_SENDER);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: 'message', text: 'STOP' });
    expect(events[1]).toMatchObject({
      type: 'reachability',
      externalId: FIXTURE_CUSTOMER,
      reachable: false,
    });
  });

  it('keeps a message without text or files, saying what happened', () => {
    const empty = { ...inbound.whatsappText, Body: '', MessageType: 'unsupported' };
    expect(parse(empty)[0]).toMatchObject({ text: UNSUPPORTED_CONTENT_TEXT });
  });

  it('takes the phone from WaId when From carries none', () => {
    const odd = { ...inbound.whatsappText, From: 'whatsapp:customer-1' };
    expect(parse(odd)[0]).toMatchObject({ sender: { phone: FIXTURE_CUSTOMER } });
  });

  it('drops control characters from text and names instead of losing the message', () => {
    const dirty = { ...inbound.whatsappText, Body: 'Hi\u0000 there', ProfileName: 'Er\u0007ika' };
    expect(parse(dirty)[0]).toMatchObject({ text: 'Hi there', sender: { name: 'Erika' } });
  });

  it('accepts a content type with parameters and names unknown types .bin', () => {
    const voice = {
      ...inbound.whatsappImage,
      MediaContentType0: 'audio/ogg; codecs=opus',
    };
    expect(parse(voice)[0]).toMatchObject({
      attachments: [{ filename: 'media-1.ogg', contentType: 'audio/ogg' }],
    });
    const odd = { ...inbound.whatsappImage, MediaContentType0: 'application/x-strange' };
    expect(parse(odd)[0]).toMatchObject({ attachments: [{ filename: 'media-1.bin' }] });
  });
});

describe('parseTwilioWebhook: refusals', () => {
  const run = (params: Record<string, string | string[]>, sender = FIXTURE_WHATSAPP_SENDER) =>
    refusal(() => parseTwilioWebhook(signedWebhook(params), sender, now));

  it('refuses a message addressed to another number', () => {
    expect(run(inbound.whatsappText, 'whatsapp:+14155550199').message).toContain(
      'addressed to another number',
    );
  });

  it('refuses a message without MessageSid or From', () => {
    const { MessageSid: _sid, ...noSid } = inbound.whatsappText;
    const { From: _from, ...noFrom } = inbound.whatsappText;
    expect(run(noSid).message).toContain('MessageSid');
    expect(run(noFrom).message).toContain('From');
  });

  it('refuses ids with bad characters, broken counts and missing media', () => {
    run({ ...inbound.whatsappText, MessageSid: 'SM\u0000' });
    run({ ...inbound.whatsappText, NumMedia: 'many' });
    run({ ...inbound.whatsappText, NumMedia: '1' });
    run({ ...inbound.whatsappImage, MediaUrl0: 'ftp://example.test/x' });
    run({ ...inbound.whatsappText, NumMedia: '11' });
    run({ ...inbound.whatsappLocation, Latitude: '123.4' });
  });

  it('refuses an empty body and parameters repeated with different values', () => {
    refusal(() =>
      parseTwilioWebhook(signedWebhook({}, { body: Buffer.alloc(0) }), FIXTURE_WHATSAPP_SENDER),
    );
    run({ ...inbound.whatsappText, From: [`whatsapp:${FIXTURE_CUSTOMER}`, 'whatsapp:+15550001'] });
  });

  it('refuses a body that is not a form', () => {
    const req = signedWebhook({}, { body: Buffer.from(JSON.stringify({ MessageSid: 'x' })) });
    refusal(() => parseTwilioWebhook(req, FIXTURE_WHATSAPP_SENDER));
  });
});

describe('classifyTwilioWebhook', () => {
  it('tells status callbacks from messages by URL and by shape', () => {
    expect(classifyTwilioWebhook(statuses.delivered, FIXTURE_STATUS_URL)).toBe('status');
    // A status callback set on the sender in the console, without our query.
    expect(classifyTwilioWebhook(statuses.delivered, 'https://x.test/api/webhooks/i')).toBe(
      'status',
    );
    expect(classifyTwilioWebhook(inbound.whatsappText, 'https://x.test/api/webhooks/i')).toBe(
      'message',
    );
    // A customer's message posted to the status URL is still a message.
    expect(classifyTwilioWebhook(inbound.whatsappText, FIXTURE_STATUS_URL)).toBe('message');
  });

  it('parses a status callback that arrived on the inbound URL', () => {
    const events = parseTwilioWebhook(
      { ...signedWebhook(statuses.delivered), rawBody: formBody(statuses.delivered) },
      FIXTURE_WHATSAPP_SENDER,
      now,
    );
    expect(events).toEqual([
      { type: 'status', externalId: statuses.delivered.MessageSid, status: 'delivered', at: NOW },
    ]);
  });
});
