import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { MessageEntity } from '../messages/entities/message.entity';
import { PendingReceiptEntity } from '../messages/entities/pending-receipt.entity';
import { OutboundAttemptEntity } from './entities/outbound-attempt.entity';

interface ReplyPost {
  id: string;
  text: string;
}

/**
 * A customer system receiving operator replies over the API channel. `answer` decides the id it
 * returns and may do things first (like reporting the delivery before it answers).
 */
class Receiver {
  private server!: Server;
  url = '';
  received: ReplyPost[] = [];
  answer: (post: ReplyPost) => Promise<string> = async (post) => `r-${post.id}`;

  async start() {
    this.server = createServer((req, res) => {
      void readJson(req).then(async (post) => {
        this.received.push(post);
        const id = await this.answer(post);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replies`;
  }

  count(messageId: string) {
    return this.received.filter((r) => r.id === messageId).length;
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function readJson(req: IncomingMessage): Promise<ReplyPost> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return JSON.parse(body) as ReplyPost;
}

/** Receipts as the provider sends them: early, in mixed batches, on one of several inboxes. */
describe('delivery receipts and channel ids', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await Promise.all(receivers.map((r) => r.stop()));
  });

  /** An API inbox whose replies go to a receiver of its own, and one conversation in it. */
  async function inboxWithConversation(name: string) {
    const receiver = new Receiver();
    await receiver.start();
    receivers.push(receiver);
    const { inbox, customer } = await createApiInbox(admin, name, { outboundUrl: receiver.url });
    await customer.say(`Hello from ${name}`);
    const page = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?inboxId=${inbox.id}`,
    );
    const conversation = page.items.find((c) => c.inboxId === inbox.id);
    if (!conversation) throw new Error(`no conversation in ${name}`);
    return { inbox, customer, receiver, conversation };
  }

  const reply = (conversationId: string, text: string) =>
    admin.ok<MessageDto>('POST', `/api/conversations/${conversationId}/messages`, { text });

  const stored = (id: string) =>
    api.dataSource.getRepository(MessageEntity).findOneByOrFail({ id });

  const settled = (id: string, status: MessageDto['deliveryStatus']) =>
    eventually(async () => {
      const m = await stored(id);
      return m.deliveryStatus === status && m;
    }, 10_000);

  const statuses = (customer: ApiChannelCustomer, entries: unknown[]) =>
    customer.post({ statuses: entries }) as Promise<{
      status: number;
      body: {
        receipts: { applied: number; held: number; unchanged: number };
        skipped: Array<{ externalId: string | null; reason: string }>;
      };
    }>;

  it('keeps a receipt that arrives before the worker recorded the id, and applies it then', async () => {
    const { customer, receiver, conversation } = await inboxWithConversation('Early receipts');
    const answers: Array<{ status: number; held: number }> = [];
    // The integrator reports the delivery, and only then answers our POST with the id.
    receiver.answer = async (post) => {
      const id = `early-${post.id}`;
      const res = await statuses(customer, [{ messageId: id, status: 'delivered' }]);
      answers.push({ status: res.status, held: res.body.receipts.held });
      return id;
    };
    const sent = await reply(conversation.id, 'Your parcel left today');
    const delivered = await settled(sent.id, 'delivered');
    expect(delivered.externalId).toBe(`early-${sent.id}`);
    expect(answers).toEqual([{ status: 200, held: 1 }]);
    expect(await api.dataSource.getRepository(PendingReceiptEntity).count()).toBe(0);
  });

  it('applies the readable receipts of a batch and names the ones it skipped, without a 500', async () => {
    const { customer, receiver, conversation } = await inboxWithConversation('Mixed batch');
    const a = await reply(conversation.id, 'First');
    const b = await reply(conversation.id, 'Second');
    await settled(a.id, 'sent');
    await settled(b.id, 'sent');
    const res = await statuses(customer, [
      { messageId: `r-${a.id}`, status: 'read' },
      { messageId: `r-${b.id}`, status: 'queued' },
      { messageId: `r-${b.id}` },
      { status: 'read' },
      'not even an object',
    ]);
    expect(res.status).toBe(200);
    expect(res.body.receipts.applied).toBe(1);
    expect(res.body.skipped).toHaveLength(4);
    expect(res.body.skipped[0]).toEqual({
      externalId: `r-${b.id}`,
      reason: expect.stringContaining('status'),
    });
    expect((await stored(a.id)).deliveryStatus).toBe('read');
    expect((await stored(b.id)).deliveryStatus).toBe('sent');
    expect(receiver.count(a.id)).toBe(1);
  });

  it('lets a receipt touch only messages of the inbox it arrives on', async () => {
    const first = await inboxWithConversation('Shop A');
    const second = await inboxWithConversation('Shop B');
    // Two integrations of one account that number their messages the same way.
    first.receiver.answer = async () => 'shared-1';
    second.receiver.answer = async () => 'shared-1';
    const inA = await reply(first.conversation.id, 'To shop A');
    const inB = await reply(second.conversation.id, 'To shop B');
    await settled(inA.id, 'sent');
    await settled(inB.id, 'sent');

    const res = await statuses(second.customer, [{ messageId: 'shared-1', status: 'read' }]);
    expect(res.body.receipts.applied).toBe(1);
    expect((await stored(inB.id)).deliveryStatus).toBe('read');
    expect((await stored(inA.id)).deliveryStatus).toBe('sent');
  });

  it('fails a send visibly when the provider answers with an id it already used, sends it once, and still stores an inbound message with that id', async () => {
    const { customer, receiver, conversation } = await inboxWithConversation('Lazy ids');
    receiver.answer = async () => 'always-the-same';
    const one = await reply(conversation.id, 'One');
    await settled(one.id, 'sent');
    const two = await reply(conversation.id, 'Two');
    const failed = await settled(two.id, 'failed');
    expect(failed.failureReason).toMatch(/"always-the-same".*another message of this inbox/);
    // No retry: the channel has it, and another try would only deliver it again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(receiver.count(two.id)).toBe(1);
    const attempts = await api.dataSource
      .getRepository(OutboundAttemptEntity)
      .findBy({ messageId: two.id });
    expect(attempts.map((a) => a.outcome)).toEqual(['sent']);

    // The customer's system numbers its own messages the same way: a different message, stored.
    const inbound = await customer.say('A question with a recycled id', 'always-the-same');
    expect(inbound.status).toBe(200);
    expect(inbound.body).toMatchObject({ stored: 1, duplicates: 0 });
    const sameId = await api.dataSource
      .getRepository(MessageEntity)
      .findBy({ externalId: 'always-the-same' });
    expect(sameId.map((m) => m.direction).sort()).toEqual(['incoming', 'outgoing']);
  });
});
