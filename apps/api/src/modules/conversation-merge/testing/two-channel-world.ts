import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ApiErrorDto,
  ConversationMoveResultDto,
  ConversationSummaryDto,
  MessageDto,
  Page,
} from '@switchboard/contracts';
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
import { addColleagues } from '../../accounts/testing/colleagues';

/** A customer system behind one API inbox, recording the replies it is sent. */
export class Receiver {
  server!: Server;
  url = '';
  received: string[] = [];

  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.received.push((JSON.parse(body) as { text: string }).text);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `r-${this.received.length}-${Date.now()}` }));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replies`;
  }
}

/** Waits until the assertions hold; if they never do, fails with their own message. */
export async function settled(assertions: () => Promise<void>): Promise<void> {
  const holds = async () => {
    try {
      await assertions();
      return true;
    } catch {
      return false;
    }
  };
  if (!(await eventually(holds).catch(() => false))) await assertions();
}

export type MoveAnswer = ConversationMoveResultDto & ApiErrorDto;

/**
 * An account with two API inboxes standing for two channels of one customer ("Mail" and "Chat",
 * each replying to its own receiver), an admin, an agent, and another account's admin.
 */
export class TwoChannelWorld {
  db!: TestDatabase;
  api!: TestApi;
  admin!: ApiClient;
  agent!: ApiClient;
  stranger!: ApiClient;
  readonly mail = new Receiver();
  readonly chat = new Receiver();
  mailCustomer!: ApiChannelCustomer;
  chatCustomer!: ApiChannelCustomer;
  mailInboxId = '';
  chatInboxId = '';

  async start(): Promise<void> {
    await Promise.all([this.mail.start(), this.chat.start()]);
    this.db = await createTestDatabase();
    this.api = await startTestApi({ databaseUrl: this.db.url });
    this.admin = (await loginAs(this.api.baseUrl)).client;
    ({ agent: this.agent, stranger: this.stranger } = await addColleagues(this.api));
    const mailInbox = await createApiInbox(this.admin, 'Mail', { outboundUrl: this.mail.url });
    const chatInbox = await createApiInbox(this.admin, 'Chat', { outboundUrl: this.chat.url });
    this.mailCustomer = mailInbox.customer;
    this.chatCustomer = chatInbox.customer;
    this.mailInboxId = mailInbox.inbox.id;
    this.chatInboxId = chatInbox.inbox.id;
  }

  async close(): Promise<void> {
    await this.api?.close();
    await this.db?.drop();
    this.mail.server?.close();
    this.chat.server?.close();
  }

  /** The whole timeline, oldest first. */
  async timeline(id: string): Promise<MessageDto[]> {
    const page = await this.admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${id}/messages?limit=100`,
    );
    if (page.nextCursor) throw new Error('More than one page: the test expects fewer messages');
    return page.items.slice().reverse();
  }

  summary(id: string) {
    return this.admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${id}`);
  }

  /** The open conversation of a customer (by name) in an inbox. */
  async conversationIn(inboxId: string, name: string): Promise<ConversationSummaryDto> {
    const page = await this.admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open&limit=100',
    );
    const found = page.items.find((c) => c.inboxId === inboxId && c.contact.name === name);
    if (!found) throw new Error(`No open conversation of ${name} in ${inboxId}`);
    return found;
  }

  merge(client: ApiClient, targetId: string, body: unknown) {
    return client.request<MoveAnswer>('POST', `/api/conversations/${targetId}/merge`, body);
  }

  split(client: ApiClient, id: string, body: unknown) {
    return client.request<MoveAnswer>('POST', `/api/conversations/${id}/split`, body);
  }

  reply(id: string, text: string, identityId?: string) {
    return this.admin.request<MessageDto & ApiErrorDto>(
      'POST',
      `/api/conversations/${id}/messages`,
      { text, ...(identityId ? { identityId } : {}) },
    );
  }
}
