import type { ConversationSummaryDto, InboxDto, Page, TypingSignal } from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createAccount, createOperator } from '../../modules/accounts/create-account';
import { WidgetVisitorClient } from '../../modules/webchat/testing/widget-visitor-client';

const SHOP = 'https://shop.example';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Socket events that name a conversation only ever reach that conversation's own account. */
describe('typing across accounts', () => {
  let db: TestDatabase;
  let api: TestApi;
  let alice: ApiClient;
  let aliceToken: string;
  let bobToken: string;
  let visitor: WidgetVisitorClient;
  let conversation: ConversationSummaryDto;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const a = await loginAs(api.baseUrl);
    alice = a.client;
    aliceToken = a.login.token;
    await api.dataSource.transaction(async (em) => {
      const other = await createAccount(em, 'Other Co');
      await createOperator(em, other, {
        email: 'bob@other.test',
        name: 'Bob from Other Co',
        password: 'bob-password-1',
        role: 'admin',
      });
    });
    bobToken = (await loginAs(api.baseUrl, 'bob@other.test', 'bob-password-1')).login.token;
    const inbox = await alice.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'typing-boundary-secret-0123456789abcdef' },
    });
    visitor = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    await visitor.session();
    expect((await visitor.say('Is my order on its way?')).status).toBe(200);
    await visitor.connect();
    conversation = (await alice.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations'))
      .items[0]!;
  });

  afterAll(async () => {
    visitor?.disconnect();
    await api?.close();
    await db?.drop();
  });

  it('ignores another account’s conversation id with an error event and broadcasts nothing', async () => {
    const aliceSocket = await RecordingOperatorSocket.connect(api.baseUrl, aliceToken);
    const bob = await RecordingOperatorSocket.connect(api.baseUrl, bobToken);
    const aliceSaw: TypingSignal[] = [];
    aliceSocket.socket.on('typing', (t) => aliceSaw.push(t));
    try {
      bob.socket.emit('typing', { conversationId: conversation.id, typing: true });
      await eventually(async () => bob.errors.length > 0);
      expect(bob.errors).toEqual([
        { code: 'NOT_FOUND', message: 'typing: conversation not found' },
      ]);
      await pause(300);
      expect(visitor.typing).toEqual([]);
      expect(aliceSaw).toEqual([]);

      // The same event from the conversation's own account does reach the visitor.
      const colleague = await RecordingOperatorSocket.connect(api.baseUrl, aliceToken);
      colleague.socket.emit('typing', { conversationId: conversation.id, typing: true });
      await eventually(async () => visitor.typing.length > 0);
      expect(visitor.typing[0]).toMatchObject({ typing: true });
      expect(colleague.errors).toEqual([]);
      colleague.close();
    } finally {
      aliceSocket.close();
      bob.close();
    }
  });
});
