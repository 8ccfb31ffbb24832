import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ReplyReceiver } from './testing/reply-receiver';

/**
 * The hold is a row in PostgreSQL, not a timer in a process: a reply held when its API stops is
 * sent when an API runs again, exactly once even with two instances racing for it.
 */
describe('Undo send across a restart', () => {
  let db: TestDatabase;
  const apis: TestApi[] = [];
  const receiver = new ReplyReceiver();

  const start = async () => {
    const api = await startTestApi({ databaseUrl: db.url });
    apis.push(api);
    return api;
  };

  beforeAll(async () => {
    await receiver.start();
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const api of apis) await api.close();
    await db?.drop();
    receiver.close();
  });

  it('a reply held while the API stopped leaves once when two instances come back', async () => {
    const first = await start();
    const admin: ApiClient = (await loginAs(first.baseUrl)).client;
    await admin.ok('PUT', '/api/operators/me/undo-send', { seconds: 1 });
    const { customer } = await createApiInbox(admin, 'Replies', { outboundUrl: receiver.url });
    await customer.say('Still there?', 'q-restart');
    const conv = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations'))
      .items[0]!;
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Yes, here',
      undoable: true,
    });
    expect(reply.undoUntil).toBeTruthy();

    // The API goes away inside the window; the window closes while nothing runs.
    await first.close();
    apis.splice(apis.indexOf(first), 1);
    const stoppedWaiting = Date.parse(reply.undoUntil!) + 500;
    await new Promise((r) => setTimeout(r, Math.max(0, stoppedWaiting - Date.now())));
    expect(receiver.timesReceived(reply.id)).toBe(0);

    // Two instances start at once and both poll for due replies.
    await Promise.all([start(), start()]);
    await eventually(async () => receiver.timesReceived(reply.id) > 0, 10_000);
    // A few more polls of both instances (and the delivery worker's) find nothing more to do.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(receiver.timesReceived(reply.id)).toBe(1);

    const again = (await loginAs(apis[0]!.baseUrl)).client;
    const timeline = await again.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conv.id}/messages`,
    );
    const stored = timeline.items.find((m) => m.id === reply.id);
    expect(stored?.undoUntil).toBeUndefined();
    await eventually(
      async () =>
        (
          await again.ok<Page<MessageDto>>('GET', `/api/conversations/${conv.id}/messages`)
        ).items.find((m) => m.id === reply.id)?.deliveryStatus === 'sent',
    );
  });
});
