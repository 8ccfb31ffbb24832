import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationSummaryDto, InboxDto, MessageDto, Page } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { InboxEntity } from '../../modules/inboxes/entities/inbox.entity';
import { MessageEntity } from '../../modules/messages/entities/message.entity';

const SECRET = 'outbound-targets-secret-0123456789';

/**
 * An admin types the addresses inboxes connect to; with ALLOW_PRIVATE_NETWORK_TARGETS off (the
 * production default) none of them may point into the server's own networks, neither when saved
 * nor when a reply is actually sent.
 */
describe('outbound targets in private networks', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let receiver: Server;
  let receiverPort = 0;
  let received = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received++;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r"}');
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverPort = (receiver.address() as AddressInfo).port;
    db = await createTestDatabase();
    api = await startTestApi({
      databaseUrl: db.url,
      env: { ALLOW_PRIVATE_NETWORK_TARGETS: 'false' },
    });
    admin = (await loginAs(api.baseUrl)).client;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await new Promise<void>((r) => receiver?.close(() => r()));
  });

  const apiInbox = (outboundUrl: string) =>
    admin.request<{ code: string; message: string }>('POST', '/api/inboxes', {
      kind: 'api',
      name: 'Integration',
      settings: { outboundUrl },
      secrets: { signingSecret: SECRET },
    });

  it.each([
    [
      'a loopback address',
      () => `http://127.0.0.1:${receiverPort}/hook`,
      '127.0.0.1 is a loopback',
    ],
    [
      'a name resolving to loopback',
      () => `http://localhost:${receiverPort}/hook`,
      'localhost resolves to',
    ],
    [
      'the cloud metadata service',
      () => 'http://169.254.169.254/latest/meta-data',
      '169.254.169.254 is',
    ],
    ['an IPv4-mapped IPv6 private address', () => 'http://[::ffff:10.0.0.1]/hook', 'is a loopback'],
    ['a unique-local IPv6 address', () => 'http://[fd00::1]:8080/hook', '[fd00::1] is'],
  ])('refuses to save an outbound URL pointing at %s', async (_label, url, reason) => {
    const r = await apiInbox(url());
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('settings.outboundUrl:');
    expect(r.body.message).toContain(reason);
    expect(r.body.message).toContain('ALLOW_PRIVATE_NETWORK_TARGETS');
  });

  it('refuses mail servers in private networks with the setting and the reason', async () => {
    const r = await admin.request<{ message: string }>('POST', '/api/inboxes', {
      kind: 'email',
      name: 'Support mail',
      settings: {
        address: 'support@example.com',
        imap: { host: '127.0.0.1', port: 993, security: 'tls', user: 'support' },
        smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'support' },
      },
      secrets: { imapPassword: 'secret-imap', smtpPassword: 'secret-smtp' },
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/imap.*127\.0\.0\.1 is a loopback, private or link-local/i);
  });

  it('saves a public outbound URL, and refuses to change it to a private one', async () => {
    const created = await apiInbox('http://93.184.216.34/hook');
    expect(created.status).toBe(201);
    const id = (created.body as unknown as InboxDto).id;
    const patched = await admin.request<{ message: string }>('PATCH', `/api/inboxes/${id}`, {
      settings: { outboundUrl: `http://localhost:${receiverPort}/hook` },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.message).toContain('settings.outboundUrl: localhost resolves to');
  });

  it('checks again when sending: a target that became private fails the reply, nothing is sent', async () => {
    const created = await apiInbox('http://93.184.216.34/hook');
    const inbox = created.body as unknown as InboxDto;
    // What DNS rebinding (or a setting saved while private targets were allowed) leaves behind.
    await api.dataSource
      .getRepository(InboxEntity)
      .update(inbox.id, { settings: { outboundUrl: `http://localhost:${receiverPort}/hook` } });
    const customer = new ApiChannelCustomer(api.baseUrl, inbox.id, SECRET);
    expect((await customer.say('Where is my parcel?')).status).toBe(200);
    const conv = (
      await admin.ok<Page<ConversationSummaryDto>>('GET', `/api/conversations?inboxId=${inbox.id}`)
    ).items[0]!;
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'On its way!',
    });
    const stored = await eventually(
      async () => {
        const row = await api.dataSource.getRepository(MessageEntity).findOneBy({ id: reply.id });
        return row && row.deliveryStatus === 'failed' ? row : null;
      },
      20_000,
      100,
    );
    expect(stored.failureReason).toMatch(/localhost resolves to .*loopback, private or link-local/);
    expect(received).toBe(0);
  });
});
