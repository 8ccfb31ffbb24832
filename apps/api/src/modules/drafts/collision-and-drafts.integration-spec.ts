import type {
  ApiErrorDto,
  ConversationSummaryDto,
  ConversationViewersSignal,
  DraftDto,
  MessageDto,
  Page,
  ReplyCollisionDetails,
} from '@switchboard/contracts';
import {
  ApiClient,
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { AccountEntity } from '../accounts/entities/account.entity';
import { createOperator } from '../accounts/create-account';
import { addColleagues } from '../accounts/testing/colleagues';

/** Cross-instance signals share two cores with everything else in CI. */
const WAIT_MS = 15_000;

/**
 * Two operators on two API instances over one database: each sees the other open and write in a
 * conversation, a reply sent after the other's last seen message is held (409), drafts follow the
 * operator between clients.
 */
describe('collision and server drafts, two instances', () => {
  let db: TestDatabase;
  let one: TestApi;
  let two: TestApi;
  let anna: ApiClient;
  let annaToken: string;
  let ben: ApiClient;
  let benToken: string;
  let stranger: ApiClient;
  let conversationId: string;
  let customerMessageId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await startTestApi({ databaseUrl: db.url });
    two = await startTestApi({ databaseUrl: db.url });
    const a = await loginAs(one.baseUrl);
    anna = a.client;
    annaToken = a.login.token;
    stranger = (await addColleagues(one)).stranger;
    const [account] = await one.dataSource.getRepository(AccountEntity).find({ take: 1 });
    await one.dataSource.transaction((em) =>
      createOperator(em, account!.id, {
        email: 'ben@test.local',
        name: 'Ben Second',
        password: 'ben-password-123',
        role: 'admin',
      }),
    );
    const b = await loginAs(two.baseUrl, 'ben@test.local', 'ben-password-123');
    ben = b.client;
    benToken = b.login.token;
    const { customer } = await createApiInbox(anna);
    expect((await customer.say('Where is my parcel?')).status).toBe(200);
    const feed = await anna.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    conversationId = feed.items[0]!.id;
    const timeline = await anna.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conversationId}/messages`,
    );
    customerMessageId = timeline.items.find((m) => m.direction === 'incoming')!.id;
  });

  afterAll(async () => {
    await two?.close();
    await one?.close();
    await db?.drop();
  });

  describe('presence', () => {
    it('shows who views and who writes, across instances, and drops a closed tab at once', async () => {
      const annaSocket = await RecordingOperatorSocket.connect(one.baseUrl, annaToken);
      const benSocket = await RecordingOperatorSocket.connect(two.baseUrl, benToken);
      const annaSaw: ConversationViewersSignal[] = [];
      annaSocket.socket.on('viewers', (v) => annaSaw.push(v));
      const benSaw: ConversationViewersSignal[] = [];
      benSocket.socket.on('viewers', (v) => benSaw.push(v));
      const latest = (list: ConversationViewersSignal[]) =>
        list.filter((v) => v.conversationId === conversationId).at(-1)?.viewers ?? null;
      try {
        annaSocket.socket.emit('viewing', { conversationId });
        await eventually(
          async () => latest(benSaw)?.some((v) => v.name === 'Admin' && v.activity === 'viewing'),
          WAIT_MS,
        );
        benSocket.socket.emit('viewing', { conversationId, activity: 'noting' });
        await eventually(
          async () => latest(annaSaw)?.find((v) => v.name === 'Ben Second')?.activity === 'noting',
          WAIT_MS,
        );
        // A tab opening the conversation now hears at once who is already there.
        const late = await RecordingOperatorSocket.connect(one.baseUrl, benToken);
        const first = new Promise<ConversationViewersSignal>((resolve) =>
          late.socket.once('viewers', resolve),
        );
        late.socket.emit('viewing', { conversationId });
        expect((await first).viewers.map((v) => v.name).sort()).toEqual(['Admin', 'Ben Second']);
        late.close();

        benSocket.socket.emit('viewing', { conversationId, activity: 'replying' });
        await eventually(
          async () =>
            latest(annaSaw)?.find((v) => v.name === 'Ben Second')?.activity === 'replying',
          WAIT_MS,
        );

        benSocket.close();
        await eventually(async () => {
          const viewers = latest(annaSaw);
          return viewers !== null && viewers.every((v) => v.name !== 'Ben Second');
        }, WAIT_MS);
        expect(annaSocket.errors).toEqual([]);
      } finally {
        annaSocket.close();
        benSocket.close();
      }
    });

    it('refuses another account’s conversation and a malformed payload with an error event', async () => {
      const annaSocket = await RecordingOperatorSocket.connect(one.baseUrl, annaToken);
      const strangerToken = stranger.token ?? '';
      const intruder = await RecordingOperatorSocket.connect(two.baseUrl, strangerToken);
      const annaSaw: ConversationViewersSignal[] = [];
      annaSocket.socket.on('viewers', (v) => annaSaw.push(v));
      try {
        intruder.socket.emit('viewing', { conversationId, activity: 'replying' });
        (intruder.socket as unknown as { emit: (e: string, p: unknown) => void }).emit('viewing', {
          conversationId: 'not-a-uuid',
        });
        await eventually(async () => intruder.errors.length >= 2, WAIT_MS);
        expect(intruder.errors.map((e) => e.code).sort()).toEqual([
          'NOT_FOUND',
          'VALIDATION_FAILED',
        ]);
        await new Promise((r) => setTimeout(r, 300));
        expect(annaSaw).toEqual([]);
      } finally {
        annaSocket.close();
        intruder.close();
      }
    });
  });

  describe('held send', () => {
    it('holds a reply sent after a colleague answered, names them, and sends when confirmed', async () => {
      const first = await anna.ok<MessageDto>(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        { text: 'It left our warehouse today.', lastSeenMessageId: customerMessageId },
      );

      const held = await ben.request<ApiErrorDto>(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        { text: 'Let me check for you.', lastSeenMessageId: customerMessageId },
      );
      expect(held.status).toBe(409);
      expect(held.body.code).toBe('REPLY_COLLISION');
      const details = held.body.details as ReplyCollisionDetails;
      expect(details.repliedBy.name).toBe('Admin');
      expect(details.message.id).toBe(first.id);
      expect(details.message.text).toBe('It left our warehouse today.');
      expect(Date.parse(details.repliedAt)).not.toBeNaN();

      const timeline = await ben.ok<Page<MessageDto>>(
        'GET',
        `/api/conversations/${conversationId}/messages`,
      );
      expect(timeline.items.some((m) => m.text === 'Let me check for you.')).toBe(false);

      // Having seen the reply, Ben is no longer behind; or he sends anyway.
      const afterReview = await ben.request<MessageDto>(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        { text: 'It should arrive on Friday.', lastSeenMessageId: first.id },
      );
      expect(afterReview.status).toBe(201);
      const anyway = await anna.request<MessageDto>(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        { text: 'Sending anyway.', lastSeenMessageId: first.id, confirmed: true },
      );
      expect(anyway.status).toBe(201);
    });

    it('does not hold for notes, for one’s own replies, or without lastSeenMessageId', async () => {
      const path = `/api/conversations/${conversationId}/messages`;
      const send = (who: ApiClient, body: object) => who.request<MessageDto>('POST', path, body);
      const latest = (await anna.ok<Page<MessageDto>>('GET', path)).items[0]!.id;

      const note = { kind: 'note', text: 'Customer is a VIP.', lastSeenMessageId: latest };
      expect((await send(anna, note)).status).toBe(201);
      // Anna's note is newer than what Ben saw: notes never reach the customer, so no hold.
      expect((await send(ben, { text: 'On its way.', lastSeenMessageId: latest })).status).toBe(
        201,
      );
      // Nor does Ben's own reply hold his next one.
      expect((await send(ben, { text: 'Anything else?', lastSeenMessageId: latest })).status).toBe(
        201,
      );
      expect((await send(anna, { text: 'Thanks!', lastSeenMessageId: latest })).status).toBe(409);
      // API clients that do not say what they saw are never held.
      expect((await send(anna, { text: 'Bye' })).status).toBe(201);
    });

    it('refuses a lastSeenMessageId of another conversation with 400', async () => {
      const other = await stranger.request(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        {
          text: 'x',
          lastSeenMessageId: customerMessageId,
        },
      );
      expect(other.status).toBe(404);
      const bad = await anna.request<ApiErrorDto>(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        { text: 'x', lastSeenMessageId: '00000000-0000-0000-0000-000000000000' },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/lastSeenMessageId/);
    });
  });

  describe('drafts', () => {
    const draftPath = () => `/api/conversations/${conversationId}/draft`;

    it('keeps a draft per operator, readable from the other instance, cleared by sending', async () => {
      expect(await anna.ok('GET', draftPath())).toEqual({ draft: null });
      const saved = await anna.ok<DraftDto>('PUT', draftPath(), {
        text: 'Dear customer, ',
        mode: 'reply',
      });
      expect(saved).toMatchObject({ conversationId, text: 'Dear customer, ', mode: 'reply' });
      await anna.ok('PUT', draftPath(), { text: 'Dear customer, your parcel', mode: 'note' });

      // Another client of the same operator, on the other instance.
      const onTwo = new ApiClient(two.baseUrl, annaToken);
      const { draft } = await onTwo.ok<{ draft: DraftDto }>('GET', draftPath());
      expect(draft).toMatchObject({ text: 'Dear customer, your parcel', mode: 'note' });
      // Nobody else's.
      expect(await ben.ok('GET', draftPath())).toEqual({ draft: null });

      await anna.ok('POST', `/api/conversations/${conversationId}/messages`, {
        kind: 'note',
        text: 'Dear customer, your parcel',
      });
      expect(await onTwo.ok('GET', draftPath())).toEqual({ draft: null });

      await ben.ok('PUT', draftPath(), { text: 'draft to discard' });
      expect((await ben.request('DELETE', draftPath())).status).toBe(204);
      expect(await ben.ok('GET', draftPath())).toEqual({ draft: null });
    });

    it('refuses bad text, bad modes and other accounts’ conversations', async () => {
      const nul = await anna.request<ApiErrorDto>('PUT', draftPath(), { text: 'a\u0000b' });
      expect(nul.status).toBe(422);
      expect(nul.body.code).toBe('INVALID_CHARACTERS');
      expect((await anna.request('PUT', draftPath(), { text: 'x', mode: 'shout' })).status).toBe(
        400,
      );
      expect((await stranger.request('GET', draftPath())).status).toBe(404);
      expect((await stranger.request('PUT', draftPath(), { text: 'x' })).status).toBe(404);
      expect((await anna.request('GET', '/api/conversations/nope/draft')).status).toBe(404);
    });
  });
});
