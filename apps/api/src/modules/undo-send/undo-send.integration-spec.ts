import type {
  ApiErrorDto,
  ConversationSummaryDto,
  InboxDto,
  MessageDto,
  Page,
  StreamEvent,
  UndoSendSettingsDto,
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
import { WidgetVisitorClient } from '../webchat/testing/widget-visitor-client';
import { ReplyReceiver } from './testing/reply-receiver';

const SHOP = 'https://shop.example';
const HOLD_SECONDS = 2;

/** What the stream said about one message, in cursor order. */
const typesFor = (events: StreamEvent[], messageId: string) =>
  events
    .filter(
      (e) =>
        (e.type === 'message.unsent' && e.payload.messageId === messageId) ||
        ((e.type === 'message.sending' ||
          e.type === 'message.created' ||
          e.type === 'message.updated') &&
          e.payload.message.id === messageId),
    )
    .map((e) => e.type);

describe('Undo send: a reply held in PostgreSQL for its Undo window', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;
  let socket: RecordingOperatorSocket;
  const receiver = new ReplyReceiver();
  let apiConv: ConversationSummaryDto;

  const send = (conversationId: string, text: string, undoable = true) =>
    admin.ok<MessageDto>('POST', `/api/conversations/${conversationId}/messages`, {
      text,
      undoable,
    });
  const timeline = async (conversationId: string) =>
    (await admin.ok<Page<MessageDto>>('GET', `/api/conversations/${conversationId}/messages`))
      .items;

  beforeAll(async () => {
    await receiver.start();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    const { customer } = await createApiInbox(admin, 'Replies', { outboundUrl: receiver.url });
    await customer.say('Can you help?', 'q-1');
    apiConv = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')).items[0]!;
    socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
  });

  afterAll(async () => {
    socket?.close();
    await api?.close();
    await db?.drop();
    receiver.close();
  });

  it('keeps each operator’s delay: the server default until they choose, 0–30 s', async () => {
    // The suite's API runs with UNDO_SEND_DEFAULT_SECONDS=0 (replies leave at once).
    expect(await admin.ok<UndoSendSettingsDto>('GET', '/api/operators/me/undo-send')).toEqual({
      seconds: 0,
    });
    const tooLong = await admin.request('PUT', '/api/operators/me/undo-send', { seconds: 31 });
    expect(tooLong.status).toBe(400);
    await admin.ok('PUT', '/api/operators/me/undo-send', { seconds: HOLD_SECONDS });
    expect(await admin.ok<UndoSendSettingsDto>('GET', '/api/operators/me/undo-send')).toEqual({
      seconds: HOLD_SECONDS,
    });
  });

  it('the web chat visitor sees a held reply only when its window closes', async () => {
    const inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'undo-send-webchat-secret-0123456789abcdef' },
    });
    const visitor = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    await visitor.session();
    expect((await visitor.say('Where is my parcel?')).status).toBe(200);
    await visitor.connect();
    const conv = await eventually(async () =>
      (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')).items.find(
        (c) => c.channel === 'webchat',
      ),
    );

    const reply = await send(conv.id, 'It left the warehouse today.');
    expect(reply.undoUntil).toBeTruthy();
    const leavesAt = Date.parse(reply.undoUntil!);
    expect(leavesAt - Date.now()).toBeGreaterThan(1_000);
    // The operators see it at once, marked as sending; the customer does not.
    expect((await timeline(conv.id)).find((m) => m.id === reply.id)?.undoUntil).toBe(
      reply.undoUntil,
    );
    await socket.waitFor((evs) => typesFor(evs, reply.id).includes('message.sending'));
    const seen = async () =>
      (await visitor.history()).body.items.some((m) => m.text === 'It left the warehouse today.');
    expect(await seen()).toBe(false);

    const replies = () => visitor.received.filter((m) => m.text === 'It left the warehouse today.');
    await eventually(async () => replies().length > 0, 8_000);
    const deliveredAt = Date.now();
    expect(replies()).toHaveLength(1);
    // Generous: the two clocks are the same machine's; the release polls every 250 ms.
    expect(deliveredAt).toBeGreaterThanOrEqual(leavesAt - 200);
    expect(await seen()).toBe(true);
    await socket.waitFor((evs) => typesFor(evs, reply.id).includes('message.created'));
    expect((await timeline(conv.id)).find((m) => m.id === reply.id)?.undoUntil).toBeUndefined();
    visitor.disconnect();
  });

  it('Undo within the window takes the reply back: nothing is ever delivered', async () => {
    const reply = await send(apiConv.id, 'Wrong customer, sorry');
    const undone = await admin.ok<MessageDto>('POST', `/api/messages/${reply.id}/undo-send`);
    // The reply as it was, for the composer.
    expect(undone).toMatchObject({ id: reply.id, text: 'Wrong customer, sorry' });
    expect((await timeline(apiConv.id)).some((m) => m.id === reply.id)).toBe(false);
    await socket.waitFor((evs) => typesFor(evs, reply.id).includes('message.unsent'));

    // Well past the window (and several release polls): the channel never saw it.
    await new Promise((r) => setTimeout(r, (HOLD_SECONDS + 1.5) * 1000));
    expect(receiver.timesReceived(reply.id)).toBe(0);
    expect(typesFor(socket.events, reply.id)).toEqual(['message.sending', 'message.unsent']);
    // The conversation was never answered by it.
    const summary = await admin.ok<ConversationSummaryDto>(
      'GET',
      `/api/conversations/${apiConv.id}`,
    );
    expect(summary.lastMessagePreview).not.toBe('Wrong customer, sorry');
    // A second Undo finds nothing to take back.
    expect((await admin.request('POST', `/api/messages/${reply.id}/undo-send`)).status).toBe(404);
  });

  it('Undo after the window closed is refused with 409 ALREADY_SENT; it is delivered once', async () => {
    const reply = await send(apiConv.id, 'On its way');
    await eventually(async () => receiver.timesReceived(reply.id) === 1, 8_000);
    const late = await admin.request<ApiErrorDto>('POST', `/api/messages/${reply.id}/undo-send`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'ALREADY_SENT', details: { messageId: reply.id } });
    expect((await timeline(apiConv.id)).some((m) => m.id === reply.id)).toBe(true);
    await socket.waitFor((evs) => typesFor(evs, reply.id).includes('message.updated'));
    expect(typesFor(socket.events, reply.id).slice(0, 2)).toEqual([
      'message.sending',
      'message.created',
    ]);
    expect(receiver.timesReceived(reply.id)).toBe(1);
  });

  it('a reply without `undoable` (an integration) and a note leave at once', async () => {
    const reply = await send(apiConv.id, 'Straight away', false);
    expect(reply.undoUntil).toBeUndefined();
    await eventually(async () => receiver.timesReceived(reply.id) === 1, 5_000);
    const note = await admin.ok<MessageDto>('POST', `/api/conversations/${apiConv.id}/messages`, {
      kind: 'note',
      text: 'Internal',
      undoable: true,
    });
    expect(note.undoUntil).toBeUndefined();
    expect(typesFor(socket.events, note.id)).toEqual([]);
    await socket.waitFor((evs) => typesFor(evs, note.id).includes('message.created'));
  });

  it('a client resuming from before the hold gets every event once, in order, without gaps', async () => {
    const from = socket.events[0]!.cursor - 1;
    const resumed = await RecordingOperatorSocket.connect(api.baseUrl, token, from);
    const cursors = resumed.events.map((e) => e.cursor);
    expect(cursors).toEqual(cursors.map((_, i) => from + 1 + i));
    expect(resumed.events.map((e) => `${e.cursor}:${e.type}`)).toEqual(
      socket.events.map((e) => `${e.cursor}:${e.type}`),
    );
    resumed.close();
  });
});
