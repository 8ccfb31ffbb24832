import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ApiErrorDto,
  ConversationParticipantsDto,
  ConversationSummaryDto,
  InboxDto,
  MessageDto,
  NotificationItemDto,
  Page,
} from '@switchboard/contracts';
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
import { addColleagues, type Colleagues } from '../accounts/testing/colleagues';
import { OutboundAttemptEntity } from '../channels/entities/outbound-attempt.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { WidgetVisitorClient } from '../webchat/testing/widget-visitor-client';

const SHOP = 'https://shop.example';
/** The delivery worker shares two cores with everything else in CI. */
const WAIT_MS = 15_000;

/** The integrator's endpoint of an API inbox: every body it was sent, verbatim. */
class OutboundReceiver {
  server!: Server;
  url = '';
  bodies: string[] = [];

  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.bodies.push(body);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `r-${this.bodies.length}` }));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/replies`;
  }

  close() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** Internal notes with @mentions: colleagues are told, customers never see a note. */
describe('internal notes and mentions', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminId: string;
  let people: Colleagues;
  let agentId: string;
  let strangerId: string;
  const receiver = new OutboundReceiver();
  let conv: ConversationSummaryDto;

  beforeAll(async () => {
    await receiver.start();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    adminId = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    people = await addColleagues(api);
    agentId = (await people.agent.ok<{ id: string }>('GET', '/api/auth/me')).id;
    strangerId = people.strangerLogin.operator.id;
    const { customer } = await createApiInbox(admin, 'Shop API', { outboundUrl: receiver.url });
    await customer.say('Where is my parcel?');
    const list = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    const [first] = list.items;
    if (!first) throw new Error('the customer message made no conversation');
    conv = first;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await receiver.close();
  });

  const send = (client: ApiClient, conversationId: string, body: Record<string, unknown>) =>
    client.request<MessageDto & ApiErrorDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      body,
    );
  const notifications = (client: ApiClient) =>
    client.ok<Page<NotificationItemDto>>('GET', '/api/notifications');

  it('notifies a mentioned colleague, live and stored, and keeps the mention on the note', async () => {
    const agentSocket = await RecordingOperatorSocket.connect(
      api.baseUrl,
      people.agent.token ?? '',
    );
    try {
      const res = await send(admin, conv.id, {
        kind: 'note',
        text: '@Agnes Agent can you check the warehouse?',
        // The author mentioning themselves, and the agent twice: one notification, the agent's.
        mentionIds: [agentId, adminId, agentId],
      });
      expect(res.status).toBe(201);
      expect(res.body.mentions).toEqual([
        { id: agentId, name: 'Agnes Agent' },
        { id: adminId, name: expect.any(String) },
      ]);
      await agentSocket.waitFor(
        (events) =>
          events.some(
            (e) =>
              e.type === 'notification.created' &&
              e.payload.notification.type === 'mention' &&
              e.payload.notification.operatorId === agentId,
          ),
        WAIT_MS,
      );
      const stored = await notifications(people.agent);
      expect(stored.items.map((n) => [n.type, n.conversationId])).toEqual([['mention', conv.id]]);
      expect((await notifications(admin)).items.some((n) => n.type === 'mention')).toBe(false);
      // The mentioned colleague now takes part: they hear about the customer's next messages.
      const { participants } = await admin.ok<ConversationParticipantsDto>(
        'GET',
        `/api/conversations/${conv.id}/participants`,
      );
      expect(participants.map((p) => [p.operatorId, p.reason])).toEqual([[agentId, 'mentioned']]);

      const timeline = await admin.ok<Page<MessageDto>>(
        'GET',
        `/api/conversations/${conv.id}/messages`,
      );
      expect(timeline.items.find((m) => m.id === res.body.id)?.mentions).toEqual(res.body.mentions);
    } finally {
      agentSocket.close();
    }
  });

  it('refuses a mention of anyone who is not an active operator of the account (422, named)', async () => {
    const before = (await notifications(people.agent)).items.length;
    const foreign = await send(admin, conv.id, {
      kind: 'note',
      text: 'cc the other company',
      mentionIds: [agentId, strangerId],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('UNKNOWN_MENTION');
    expect(foreign.body.message).toContain(strangerId);

    const made_up = '00000000-0000-4000-8000-000000000000';
    const unknown = await send(admin, conv.id, { kind: 'note', text: 'x', mentionIds: [made_up] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toContain(made_up);

    await api.dataSource
      .getRepository(OperatorEntity)
      .update({ id: agentId }, { deactivatedAt: new Date() });
    try {
      const gone = await send(admin, conv.id, { kind: 'note', text: 'x', mentionIds: [agentId] });
      expect(gone.status).toBe(422);
      expect(gone.body.code).toBe('UNKNOWN_MENTION');
    } finally {
      await api.dataSource
        .getRepository(OperatorEntity)
        .update({ id: agentId }, { deactivatedAt: null });
    }

    const malformed = await send(admin, conv.id, {
      kind: 'note',
      text: 'x',
      mentionIds: ['not-a-uuid'],
    });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);

    // Nothing was stored and nobody was told.
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conv.id}/messages`,
    );
    expect(
      timeline.items.filter((m) => m.text === 'x' || m.text === 'cc the other company'),
    ).toEqual([]);
    expect((await notifications(people.agent)).items.length).toBe(before);
  });

  it('refuses mentions in a reply to the customer (400): mentions are for notes', async () => {
    const res = await send(admin, conv.id, { text: 'We are on it', mentionIds: [agentId] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('mentionIds');
  });

  it('a note on a conversation the operator cannot see is 404 and notifies nobody', async () => {
    const res = await send(people.stranger, conv.id, {
      kind: 'note',
      text: 'peek',
      mentionIds: [strangerId],
    });
    expect(res.status).toBe(404);
  });

  it('never enqueues a note for the channel, nor sends its text in any outbound payload', async () => {
    const secret = 'NOTE-SECRET customer owes us 300 EUR';
    const note = (await send(admin, conv.id, { kind: 'note', text: secret, mentionIds: [agentId] }))
      .body;
    expect(note.deliveryStatus).toBeNull();
    const reply = (await send(admin, conv.id, { text: 'Your parcel left today.' })).body;
    // The reply after the note reaches the integrator: the worker ran past the note.
    await eventually(
      async () => receiver.bodies.some((b) => b.includes('Your parcel left')),
      WAIT_MS,
    );
    await eventually(
      async () =>
        (
          await admin.ok<Page<MessageDto>>('GET', `/api/conversations/${conv.id}/messages`)
        ).items.find((m) => m.id === reply.id)?.deliveryStatus === 'sent',
      WAIT_MS,
    );
    expect(receiver.bodies.filter((b) => b.includes('NOTE-SECRET'))).toEqual([]);
    expect(receiver.bodies.filter((b) => b.includes(note.id))).toEqual([]);
    // No delivery attempt and no queued job ever named the note.
    expect(
      await api.dataSource.getRepository(OutboundAttemptEntity).countBy({ messageId: note.id }),
    ).toBe(0);
    const jobs = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'messageId' = $1`,
      [note.id],
    )) as Array<{ n: number }>;
    expect(jobs[0]?.n).toBe(0);
    // The same query does find the reply's job: the check above is not vacuous.
    const replyJobs = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'messageId' = $1`,
      [reply.id],
    )) as Array<{ n: number }>;
    expect(replyJobs[0]?.n).toBeGreaterThan(0);
    // Retrying or resending a note is refused: it has no delivery to repeat.
    expect((await admin.request('POST', `/api/messages/${note.id}/retry`)).status).toBe(409);
    expect((await admin.request('POST', `/api/messages/${note.id}/resend`)).status).toBe(409);
  });

  describe('web chat', () => {
    let inbox: InboxDto;

    beforeAll(async () => {
      inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
        kind: 'webchat',
        name: 'Shop chat',
        settings: { allowedOrigins: [SHOP] },
        secrets: { hmacSecret: 'notes-webchat-secret-0123456789abcdefgh' },
      });
    });

    async function conversationOf(v: WidgetVisitorClient): Promise<string> {
      const externalId = `visitor:${(await v.session()).body.visitorId}`;
      const row = await api.dataSource.getRepository(ConversationEntity).findOneOrFail({
        select: { id: true },
        where: { identity: { inboxId: inbox.id, externalId } },
      });
      return row.id;
    }

    it('never shows a note to the visitor: not in the history, not on the socket', async () => {
      const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
      try {
        await v.session();
        await v.connect();
        await v.say('Do you ship to Norway?');
        const conversationId = await conversationOf(v);

        const note = (
          await send(admin, conversationId, {
            kind: 'note',
            text: 'NOTE-SECRET: fraud check pending',
            mentionIds: [agentId],
          })
        ).body;
        const reply = (await send(admin, conversationId, { text: 'Yes, we do.' })).body;
        // The reply, sent after the note, arrives live: had the note been pushed, it came first.
        await eventually(async () => v.received.some((m) => m.id === reply.id), WAIT_MS);
        expect(v.received.map((m) => m.text)).not.toContain('NOTE-SECRET: fraud check pending');
        expect(v.received.some((m) => m.id === note.id)).toBe(false);

        const history = (await v.history()).body;
        expect(history.items.map((m) => m.text)).toEqual(
          expect.arrayContaining(['Do you ship to Norway?', 'Yes, we do.']),
        );
        expect(JSON.stringify(history)).not.toContain('NOTE-SECRET');
        expect(JSON.stringify(history)).not.toContain(note.id);
        expect(JSON.stringify(history)).not.toContain('Agnes');
      } finally {
        v.disconnect();
      }
    });
  });
});
