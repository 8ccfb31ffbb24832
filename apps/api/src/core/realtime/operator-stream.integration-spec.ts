import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  ApiChannelCustomer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { EventLogService } from '../events/event-log.service';
import { EventStreamService } from '../events/event-stream.service';

/** The conversation stream's promise: every event once, in order, across disconnects and restarts. */
describe('operator stream resume', () => {
  let db: TestDatabase;
  let api: TestApi;
  let token: string;
  let customer: ApiChannelCustomer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const { client, login } = await loginAs(api.baseUrl);
    token = login.token;
    customer = (await createApiInbox(client)).customer;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const cursors = (s: RecordingOperatorSocket) => s.events.map((e) => e.cursor);
  const expectContiguous = (list: number[], from: number) =>
    expect(list).toEqual(list.map((_, i) => from + i));

  it('delivers concurrent writers’ events gap-free and in order', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    const start = socket.ready!.cursor;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        customer.say(`burst ${i}`, `burst-${i}`, { id: `burst-cust-${i % 7}` }),
      ),
    );
    await socket.waitFor((evs) => evs.filter((e) => e.type === 'message.created').length >= 40);
    await new Promise((r) => setTimeout(r, 200));
    expectContiguous(cursors(socket), start + 1);
    socket.close();
  });

  it('keeps the socket open while the log cannot be read, and fills the gap once it can', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    // A writer that lost its announcement (the head check finds the gap), then a log read failing
    // as it does while PostgreSQL restarts: the fill is tried again, the socket is not dropped.
    const publish = jest
      .spyOn(api.app.get(EventStreamService), 'publish')
      .mockImplementationOnce(() => undefined);
    const after = jest
      .spyOn(api.app.get(EventLogService), 'after')
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    try {
      await customer.say('unannounced', 'unannounced-1', { id: 'unannounced-cust' });
      await socket.waitFor((evs) =>
        evs.some((e) => e.type === 'message.created' && e.payload.message.text === 'unannounced'),
      );
      expect(after).toHaveBeenCalledTimes(2);
      expectContiguous(cursors(socket), socket.ready!.cursor + 1);
      expect(socket.socket.connected).toBe(true);
    } finally {
      publish.mockRestore();
      after.mockRestore();
      socket.close();
    }
  });

  it('replays exactly the missed events after a disconnect', async () => {
    const first = await RecordingOperatorSocket.connect(api.baseUrl, token);
    await customer.say('before disconnect', 'resume-0');
    await first.waitFor((evs) =>
      evs.some(
        (e) => e.type === 'message.created' && e.payload.message.text === 'before disconnect',
      ),
    );
    const last = first.lastCursor;
    first.close();

    for (let i = 1; i <= 5; i++) await customer.say(`while away ${i}`, `resume-${i}`);

    const second = await RecordingOperatorSocket.connect(api.baseUrl, token, last);
    await second.waitFor((evs) => evs.filter((e) => e.type === 'message.created').length >= 5);
    await customer.say('after reconnect', 'resume-6');
    await second.waitFor((evs) =>
      evs.some((e) => e.type === 'message.created' && e.payload.message.text === 'after reconnect'),
    );
    expectContiguous(cursors(second), last + 1);
    const texts = second.events.flatMap((e) =>
      e.type === 'message.created' ? [e.payload.message.text] : [],
    );
    expect(texts).toEqual([
      'while away 1',
      'while away 2',
      'while away 3',
      'while away 4',
      'while away 5',
      'after reconnect',
    ]);
    second.close();
  });

  it('replays missed events across a server restart', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    const last = socket.ready!.cursor;
    socket.close();
    for (let i = 0; i < 3; i++) await customer.say(`pre-restart ${i}`, `restart-a-${i}`);
    await api.close();
    api = await startTestApi({ databaseUrl: db.url });
    const { client, login } = await loginAs(api.baseUrl);
    token = login.token;
    customer = new ApiChannelCustomer(
      api.baseUrl,
      customer.inboxId,
      customer.signingSecret,
      customer.customer,
    );
    expect(client).toBeTruthy();
    await customer.say('post-restart', 'restart-b-0');
    const again = await RecordingOperatorSocket.connect(api.baseUrl, token, last);
    await again.waitFor((evs) =>
      evs.some((e) => e.type === 'message.created' && e.payload.message.text === 'post-restart'),
    );
    expectContiguous(cursors(again), last + 1);
    const texts = again.events.flatMap((e) =>
      e.type === 'message.created' ? [e.payload.message.text] : [],
    );
    expect(texts).toEqual(['pre-restart 0', 'pre-restart 1', 'pre-restart 2', 'post-restart']);
    again.close();
  });

  it('answers a cursor from the future with a reset, and a bad socket payload with an error', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token, 10_000_000);
    expect(socket.resets[0]?.reason).toBe('cursor_ahead');
    socket.socket.emit('typing', { conversationId: 'not-a-uuid', typing: 'yes' } as never);
    await new Promise((r) => setTimeout(r, 200));
    expect(socket.errors[0]?.code).toBe('VALIDATION_FAILED');
    expect(socket.socket.connected).toBe(true);
    await customer.say('still alive', 'alive-1');
    await socket.waitFor((evs) => evs.some((e) => e.type === 'message.created'));
    socket.close();
  });

  it('refuses a connection without a valid session', async () => {
    await expect(RecordingOperatorSocket.connect(api.baseUrl, 'forged-token')).rejects.toThrow(
      /unauthorized/,
    );
  });
});
