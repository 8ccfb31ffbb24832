import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';

/** A customer system receiving replies; can be told to reject them permanently. */
class Receiver {
  server!: Server;
  url = '';
  received: Array<{ key: string; text: string }> = [];
  reject = false;

  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (this.reject) {
          res.writeHead(422).end('unknown recipient');
          return;
        }
        const json = JSON.parse(body) as { text: string };
        this.received.push({ key: String(req.headers['idempotency-key']), text: json.text });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `r-${this.received.length}` }));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replies`;
  }
}

describe('outbound delivery', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;
  const receiver = new Receiver();
  let conv: ConversationSummaryDto;

  beforeAll(async () => {
    await receiver.start();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    const { customer } = await createApiInbox(admin, 'Replies', { outboundUrl: receiver.url });
    await customer.say('Can you help?', 'q-1');
    conv = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')).items[0]!;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    receiver.server.close();
  });

  it('sends the reply through the conversation’s channel and marks it sent, live', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Of course!',
    });
    expect(reply.deliveryStatus).toBe('pending');
    await socket.waitFor((evs) =>
      evs.some(
        (e) =>
          e.type === 'message.updated' &&
          e.payload.message.id === reply.id &&
          e.payload.message.deliveryStatus === 'sent',
      ),
    );
    expect(receiver.received).toEqual([{ key: reply.id, text: 'Of course!' }]);
    socket.close();
  });

  it('stores one reply for a repeated clientMessageId', async () => {
    const clientMessageId = randomUUID();
    const a = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Once',
      clientMessageId,
    });
    const b = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Once',
      clientMessageId,
    });
    expect(b.id).toBe(a.id);
    await eventually(async () => receiver.received.some((r) => r.key === a.id));
    await new Promise((r) => setTimeout(r, 700));
    expect(receiver.received.filter((r) => r.text === 'Once')).toHaveLength(1);
  });

  it('keeps internal notes inside Switchboard', async () => {
    const before = receiver.received.length;
    const note = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      kind: 'note',
      text: 'VIP customer',
    });
    expect(note.deliveryStatus).toBeNull();
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.received.length).toBe(before);
  });

  it('shows a rejected send as failed with the reason, and a retry delivers it', async () => {
    receiver.reject = true;
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Will bounce',
    });
    const failed = await eventually(async () => {
      const page = await admin.ok<Page<MessageDto>>(
        'GET',
        `/api/conversations/${conv.id}/messages`,
      );
      const m = page.items.find((x) => x.id === reply.id);
      return m?.deliveryStatus === 'failed' ? m : null;
    });
    expect(failed.failureReason).toContain('422');
    receiver.reject = false;
    const retried = await admin.ok<MessageDto>('POST', `/api/messages/${reply.id}/retry`);
    expect(retried.deliveryStatus).toBe('pending');
    await eventually(async () => receiver.received.some((r) => r.key === reply.id), 8_000);
    expect((await admin.post(`/api/messages/${reply.id}/retry`)).status).toBe(409);
  });

  it('takes operator uploads, and sends them only on channels that carry attachments', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'application/octet-stream' }), 'screen.png');
    const res = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(201);
    const file = (await res.json()) as { id: string; contentType: string; url: string };
    expect(file.contentType).toBe('image/png');

    const refused = await admin.request('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'see attached',
      attachmentIds: [file.id],
    });
    expect(refused.status).toBe(415);
    const note = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      kind: 'note',
      attachmentIds: [file.id],
    });
    expect(note.attachments.map((a) => a.filename)).toEqual(['screen.png']);

    const empty = new FormData();
    empty.append('file', new Blob([]), 'empty.txt');
    const emptyRes = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: empty,
    });
    expect(emptyRes.status).toBe(400);
    const anonymous = await fetch(`${api.baseUrl}/api/files`, { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);
  });
});
