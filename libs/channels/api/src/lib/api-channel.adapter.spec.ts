import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboundMessage, WebhookRequest } from '@switchboard/channels-core';
import { describeChannelContract } from '@switchboard/channels-core/testing';
import { ApiChannelAdapter } from './api-channel.adapter';
import type { ApiChannelSecrets, ApiChannelSettings } from './api-channel.schemas';
import {
  SIGNATURE_HEADER,
  signApiPayload,
  TIMESTAMP_HEADER,
  verifyApiSignature,
} from './api-channel.signature';

const SECRET = 'contract-secret-0123456789';

function webhook(
  body: string,
  secret = SECRET,
  ts = Math.floor(Date.now() / 1000),
): WebhookRequest {
  return {
    method: 'POST',
    url: 'http://127.0.0.1/api/webhooks/x',
    headers: {
      [TIMESTAMP_HEADER]: String(ts),
      [SIGNATURE_HEADER]: signApiPayload(secret, ts, body),
    },
    rawBody: Buffer.from(body),
  };
}

/** A customer system receiving replies: dedupes on Idempotency-Key, as the API channel documents. */
class FakeReceiver {
  server!: Server;
  url = '';
  readonly byKey = new Map<string, number>();
  failNext = false;

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  private answer(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const okSig = verifyApiSignature(
      SECRET,
      req.headers[TIMESTAMP_HEADER] as string,
      req.headers[SIGNATURE_HEADER] as string,
      raw,
    );
    if (!okSig) {
      res.writeHead(401).end();
      return;
    }
    if (this.failNext) {
      this.failNext = false;
      res.writeHead(503).end('maintenance');
      return;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    this.byKey.set(key, 1);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id: `recv-${key}` }));
  }

  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

const receiver = new FakeReceiver();
const adapter = new ApiChannelAdapter(2_000);

const outbound = (key: string): OutboundMessage => ({
  idempotencyKey: key,
  conversation: { id: 'c1', number: 1001, subject: null, threadExternalIds: [] },
  recipient: { externalId: 'cust-1', name: 'Ann', email: null, phone: null },
  sender: { name: 'Operator' },
  text: 'Hello from support',
  html: null,
  attachments: [],
});

describeChannelContract<ApiChannelSettings, ApiChannelSecrets, WebhookRequest>('api', () => ({
  adapter,
  setup: () => receiver.start(),
  teardown: () => receiver.stop(),
  context: () => ({
    inboxId: 'inbox-1',
    settings: { outboundUrl: receiver.url },
    secrets: { signingSecret: SECRET },
    publicUrl: 'http://127.0.0.1',
  }),
  validInbound: [
    webhook(
      JSON.stringify({ messages: [{ id: 'm1', from: { id: 'u1', name: 'Ann' }, text: 'Hi' }] }),
    ),
    webhook(JSON.stringify({ statuses: [{ messageId: 'sb:1', status: 'read' }] })),
  ],
  forgedInbound: [
    webhook('{"messages":[]}', 'another-secret-entirely'),
    webhook('{"messages":[]}', SECRET, 1_000),
    { method: 'POST', url: 'x', headers: {}, rawBody: Buffer.from('{}') },
  ],
  malformedInbound: [
    webhook('not json'),
    webhook('{"messages":[{"id":""}]}'),
    webhook(JSON.stringify({ messages: [{ id: 'x', from: { id: 'u' }, text: '' }] })),
  ],
  outbound,
  deliveredCount: async (key) => receiver.byKey.get(key) ?? 0,
  failNextSendAsUnavailable: async () => {
    receiver.failNext = true;
  },
}));

describe('ApiChannelAdapter specifics', () => {
  it('maps provider answers to channel error codes', async () => {
    const ctx = {
      inboxId: 'i',
      settings: { outboundUrl: 'http://127.0.0.1:1/unreachable' },
      secrets: { signingSecret: SECRET },
      publicUrl: '',
    };
    const result = await adapter.send(outbound('k'), ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNAVAILABLE');
  });

  it('delivers through the REST API when no outbound URL is configured', async () => {
    const result = await adapter.send(outbound('k2'), {
      inboxId: 'i',
      settings: {},
      secrets: { signingSecret: SECRET },
      publicUrl: '',
    });
    expect(result).toEqual({ ok: true, externalId: 'sb:k2' });
  });
});
