import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ChannelInputError,
  configureOutboundNetwork,
  type OutboundMessage,
  type WebhookRequest,
} from '@switchboard/channels-core';
import { isInvalidCharactersIssue } from '@switchboard/contracts';
import { ZodError } from 'zod';
import { ApiChannelAdapter } from './api-channel.adapter';
import { signApiPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './api-channel.signature';

const SECRET = 'hardening-secret-0123456789';
const adapter = new ApiChannelAdapter(2_000);

function webhook(payload: unknown): WebhookRequest {
  const body = JSON.stringify(payload);
  const ts = Math.floor(Date.now() / 1000);
  return {
    method: 'POST',
    url: 'http://127.0.0.1/api/webhooks/x',
    headers: {
      [TIMESTAMP_HEADER]: String(ts),
      [SIGNATURE_HEADER]: signApiPayload(SECRET, ts, body),
    },
    rawBody: Buffer.from(body),
  };
}

const message = (over: Record<string, unknown> = {}) => ({
  messages: [{ id: 'm1', from: { id: 'u1', name: 'Ann' }, text: 'Hi', ...over }],
});

describe('api channel: control characters in a webhook', () => {
  it.each([
    ['NUL in the text', message({ text: 'Hi\u0000there' }), 'messages.0.text', 'U+0000'],
    [
      'an escape sequence in the text',
      message({ text: '\u001b[31mred' }),
      'messages.0.text',
      'U+001B',
    ],
    ['a C1 control in the id', message({ id: 'm\u0085' }), 'messages.0.id', 'U+0085'],
    [
      'an unpaired surrogate in the text',
      message({ text: 'a\ud800b' }),
      'messages.0.text',
      'U+D800',
    ],
  ])('refuses %s, naming the field and the character', (_label, payload, field, codePoint) => {
    let error: unknown;
    try {
      adapter.parseInbound(webhook(payload));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChannelInputError);
    expect((error as Error).message).toContain(field);
    expect((error as Error).message).toContain(codePoint);
    // The zod error travels along, so the API answers 422 INVALID_CHARACTERS, not a bare 400.
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(ZodError);
    expect((cause as ZodError).issues.every((i) => isInvalidCharactersIssue(i))).toBe(true);
  });

  it('keeps tabs and line breaks, and drops control characters from names and subjects', () => {
    const [event] = adapter.parseInbound(
      webhook(
        message({
          text: 'line 1\r\n\tline 2',
          from: { id: 'u1', name: 'Bo\u0000b\u0007' },
          subject: 'Re\u0000: order',
        }),
      ),
    );
    expect(event).toMatchObject({
      type: 'message',
      text: 'line 1\r\n\tline 2',
      sender: { name: 'Bob' },
      subject: 'Re: order',
    });
  });
});

describe('api channel: where replies may be sent', () => {
  let server: Server;
  let port = 0;
  const hits: string[] = [];
  let answer: (res: import('node:http').ServerResponse) => void = (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r1"}');

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => configureOutboundNetwork({ allowPrivateTargets: true }));

  const outbound: OutboundMessage = {
    idempotencyKey: 'k1',
    conversation: { id: 'c1', number: 1, subject: null, threadExternalIds: [] },
    recipient: { externalId: 'cust-1', name: 'Ann', email: null, phone: null },
    sender: { name: 'Operator' },
    text: 'Hello',
    html: null,
    attachments: [],
  };
  const send = (url: string) =>
    adapter.send(outbound, {
      inboxId: 'i',
      settings: { outboundUrl: url },
      secrets: { signingSecret: SECRET },
      publicUrl: '',
    });

  it.each([
    ['a loopback IP', () => `http://127.0.0.1:${port}/hook`],
    ['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port}/hook`],
    ['a name that resolves to loopback', () => `http://localhost:${port}/hook`],
    ['a loopback IP written as one number', () => `http://2130706433:${port}/hook`],
  ])('refuses %s when private targets are not allowed, without connecting', async (_l, url) => {
    configureOutboundNetwork({ allowPrivateTargets: false });
    hits.length = 0;
    const result = await send(url());
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
    if (!result.ok) expect(result.error.message).toMatch(/loopback, private or link-local/);
    expect(hits).toEqual([]);
  });

  it('delivers to the same endpoint when private targets are allowed (development)', async () => {
    configureOutboundNetwork({ allowPrivateTargets: true });
    expect(await send(`http://localhost:${port}/hook`)).toEqual({ ok: true, externalId: 'r1' });
  });

  it('keeps only a short, clean excerpt of an error page in the failure reason', async () => {
    answer = (res) =>
      res
        .writeHead(400, { 'content-type': 'text/html' })
        .end(`<html><body><h1>Bad\u0000 request</h1>${'x'.repeat(50_000)}\u001b[0m</body></html>`);
    const result = await send(`http://127.0.0.1:${port}/hook`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONTENT_REJECTED');
    expect(result.error.message).toMatch(/^Outbound endpoint answered 400: Bad request x+…$/);
    expect(result.error.message.length).toBeLessThanOrEqual(240);
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(result.error.message).not.toMatch(/[\u0000-\u001f<>]/);
  });

  it('does not follow a redirect (it could point anywhere)', async () => {
    answer = (res) => res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
    hits.length = 0;
    const result = await send(`http://127.0.0.1:${port}/hook`);
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
    expect(hits).toEqual(['/hook']);
  });
});
