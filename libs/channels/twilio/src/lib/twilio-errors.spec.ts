import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboxContext, OutboundMessage } from '@switchboard/channels-core';
import twilio from 'twilio';
import {
  FIXTURE_ACCOUNT_SID,
  FIXTURE_AUTH_TOKEN,
  FIXTURE_CUSTOMER,
} from '../fixtures/twilio-webhooks';
import { TwilioChannelAdapter } from './twilio-channel.adapter';
import { channelErrorFrom, retryAfterMs } from './twilio-errors';
import type { TwilioSecrets, TwilioSettings } from './twilio.schemas';

const answer = (status: number, code: number, message: string) =>
  new twilio.RestException({
    statusCode: status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  });
const map = (error: unknown, retryAfter?: unknown) =>
  channelErrorFrom(error, { delivers: true, authToken: FIXTURE_AUTH_TOKEN, retryAfter });

describe('channelErrorFrom: Twilio answers', () => {
  it('maps the codes the core acts on', () => {
    expect(map(answer(401, 20003, 'Authenticate'))).toMatchObject({
      code: 'AUTH_FAILED',
      message: 'Twilio rejected the Account SID or auth token (20003)',
    });
    expect(
      map(answer(400, 21211, "The 'To' number +1 is not a valid phone number.")),
    ).toMatchObject({ code: 'INVALID_RECIPIENT', message: '21211: invalid phone number' });
    expect(map(answer(400, 21610, 'Attempt to send to unsubscribed recipient'))).toMatchObject({
      code: 'INVALID_RECIPIENT',
      message: expect.stringContaining('the customer unsubscribed (STOP)'),
    });
    expect(map(answer(400, 21614, 'not a mobile number')).code).toBe('INVALID_RECIPIENT');
    expect(map(answer(400, 63024, 'Invalid message recipient')).code).toBe('INVALID_RECIPIENT');
    expect(map(answer(400, 21606, 'not a valid, SMS-capable inbound phone number')).code).toBe(
      'CONFIG_INVALID',
    );
    expect(map(answer(400, 63016, 'outside the allowed window')).code).toBe('REPLY_WINDOW_CLOSED');
    expect(map(answer(400, 21617, 'The concatenated message body exceeds 1600')).code).toBe(
      'CONTENT_REJECTED',
    );
    expect(map(answer(503, 20500, 'Service Unavailable'))).toMatchObject({
      code: 'UNAVAILABLE',
      retryable: true,
    });
  });

  it('rate limits with Retry-After, or one second without it', () => {
    expect(map(answer(429, 20429, 'Too Many Requests'), '7')).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 7000,
    });
    expect(map(answer(429, 20429, 'Too Many Requests')).retryAfterMs).toBe(1000);
  });

  it('quotes an unknown code in Twilio words, never the auth token', () => {
    const error = map(answer(400, 12345, `Token ${FIXTURE_AUTH_TOKEN} is <b>odd</b>`));
    expect(error.code).toBe('CONTENT_REJECTED');
    expect(error.message).toContain('12345: Token [redacted] is odd');
    expect(error.message).not.toContain(FIXTURE_AUTH_TOKEN);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(['3'])).toBe(3000);
    expect(retryAfterMs('Mon, 30 Nov 2026 10:00:05 GMT', Date.parse('2026-11-30T10:00:00Z'))).toBe(
      5000,
    );
    expect(retryAfterMs(undefined)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});

describe('TwilioChannelAdapter against a misbehaving network', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function listen(handler: RequestListener): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const ctx: InboxContext<TwilioSettings, TwilioSecrets> = {
    inboxId: 'inbox-net',
    settings: { accountSid: FIXTURE_ACCOUNT_SID, sender: '+14155550100' },
    secrets: { authToken: FIXTURE_AUTH_TOKEN },
    publicUrl: 'https://support.example.test',
  };
  const message = (key: string): OutboundMessage => ({
    idempotencyKey: key,
    conversation: { id: 'c', number: 1, subject: null, threadExternalIds: [] },
    recipient: { externalId: FIXTURE_CUSTOMER, name: null, email: null, phone: null },
    sender: { name: null },
    text: 'Hello',
    html: null,
    attachments: [],
  });
  const sendThrough = async (origin: string, requestTimeoutMs?: number) => {
    const adapter = new TwilioChannelAdapter({ apiOrigin: origin, requestTimeoutMs });
    const result = await adapter.send(message(`k-${Math.random()}`), ctx);
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  };

  it('calls a connection dropped after the request uncertain', async () => {
    const origin = await listen((req) => req.on('data', () => req.socket.destroy()));
    expect((await sendThrough(origin)).code).toBe('OUTCOME_UNKNOWN');
  });

  it('calls a request that timed out uncertain', async () => {
    const origin = await listen(() => undefined);
    expect((await sendThrough(origin, 300)).code).toBe('OUTCOME_UNKNOWN');
  });

  it('calls a refused connection a plain outage', async () => {
    const origin = await listen(() => undefined);
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));
    expect(await sendThrough(origin)).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
  });

  it("hands Twilio's Retry-After to the core", async () => {
    const origin = await listen((_req, res) => {
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '4' })
        .end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }));
    });
    expect(await sendThrough(origin)).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 4000 });
  });

  it("treats a proxy's error page as an outage", async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
    });
    expect(await sendThrough(origin)).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('calls a 2xx without a message SID uncertain', async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
    expect((await sendThrough(origin)).code).toBe('OUTCOME_UNKNOWN');
  });
});
