import type { MessageDto } from '@switchboard/contracts';
import { RecordingOperatorSocket } from '@switchboard/testing';
import { TwoChannelWorld } from './testing/two-channel-world';

/**
 * Split end to end: a message (alone, or with everything after it) moves into a new conversation
 * of the same customer, identity and inbox; both feed rows are recomputed, both timelines carry
 * the activity, a colleague sees it live, and every message stays exactly once. Bad input: 4xx
 * with the reason, nothing changed.
 */
describe('conversation split', () => {
  const w = new TwoChannelWorld();
  const bob = { id: 'bob-1', name: 'Bob' };
  let convId = '';
  let createdId = '';

  beforeAll(async () => {
    await w.start();
    await w.mailCustomer.say('First topic', 'b-1', bob);
    convId = (await w.conversationIn(w.mailInboxId, 'Bob')).id;
    await w.admin.ok('POST', `/api/conversations/${convId}/messages`, { text: 'On it' });
    // Its delivery settles first: a late `message.updated` would land among the events below.
    for (let i = 0; ; i++) {
      const reply = (await w.timeline(convId)).find((m) => m.text === 'On it');
      if (reply?.deliveryStatus !== 'pending') break;
      if (i > 200) throw new Error('the reply was never sent');
      await new Promise((r) => setTimeout(r, 50));
    }
    await w.mailCustomer.say('Side remark', 'b-2', bob);
    await w.mailCustomer.say('Second topic', 'b-3', bob);
    await w.mailCustomer.say('Second topic, more', 'b-4', bob);
  });
  afterAll(() => w.close());

  const text = (m: MessageDto) => m.text ?? m.activity?.type;

  it('moves a message and everything after it, recomputing both rows, live', async () => {
    const conv = await w.summary(convId);
    const all = await w.timeline(convId);
    const second = all.find((m) => m.text === 'Second topic')!;
    expect(conv.unreadCount).toBe(3);

    const colleague = await RecordingOperatorSocket.connect(w.api.baseUrl, w.agent.token!);
    try {
      const res = await w.split(w.agent, convId, { messageId: second.id, withFollowing: true });
      expect(res.status).toBe(200);
      expect(res.body.movedCount).toBe(2);
      createdId = res.body.to.id;
      expect(res.body.to).toMatchObject({
        status: 'open',
        contact: { id: conv.contact.id },
        inboxId: w.mailInboxId,
        lastMessagePreview: 'Second topic, more',
        lastMessageDirection: 'incoming',
        unreadCount: 2,
      });
      expect(res.body.to.number).toBeGreaterThan(conv.number);
      expect(res.body.from).toMatchObject({
        id: convId,
        unreadCount: 1,
        lastMessagePreview: 'Side remark',
      });
      await colleague.waitFor((events) =>
        events.some(
          (e) => e.type === 'message.created' && e.payload.message.activity?.type === 'split_from',
        ),
      );
      const mine = new Set([convId, createdId]);
      const seen = colleague.events.filter((e) => e.conversationId && mine.has(e.conversationId));
      expect(seen.map((e) => [e.type, e.conversationId])).toEqual([
        ['conversation.created', createdId],
        ['conversation.messages_moved', convId],
        ['conversation.messages_moved', createdId],
        ['message.created', convId],
        ['message.created', createdId],
      ]);
      const moved = seen.flatMap((e) => (e.type === 'conversation.messages_moved' ? [e] : []));
      expect(moved[0]!.payload.movedOut).toEqual([second.id, all.at(-1)!.id]);
      expect(moved[1]!.payload.movedIn).toEqual([second.id, all.at(-1)!.id]);
    } finally {
      colleague.close();
    }
    const created = await w.timeline(createdId);
    expect(created.map(text)).toEqual(['Second topic', 'Second topic, more', 'split_from']);
    expect(created.at(-1)!.activity).toEqual({
      type: 'split_from',
      by: { id: expect.any(String), name: 'Agnes Agent' },
      source: { id: convId, number: conv.number },
      movedCount: 2,
    });
    const rest = await w.timeline(convId);
    expect(rest.map(text)).toEqual(['First topic', 'On it', 'Side remark', 'split_into']);
    expect(rest.at(-1)!.activity).toMatchObject({
      type: 'split_into',
      target: { id: createdId, number: expect.any(Number) },
      movedCount: 2,
    });
    // Every message exactly once across the two.
    const kept = [...rest, ...created].filter((m) => m.kind !== 'activity');
    expect(kept.map((m) => m.id).sort()).toEqual(all.map((m) => m.id).sort());
  });

  it('moves one message alone; the ones after it stay', async () => {
    const side = (await w.timeline(convId)).find((m) => m.text === 'Side remark')!;
    const res = await w.split(w.admin, convId, { messageId: side.id, withFollowing: false });
    expect(res.status).toBe(200);
    expect(res.body.movedCount).toBe(1);
    expect((await w.timeline(res.body.to.id)).map(text)).toEqual(['Side remark', 'split_from']);
    expect((await w.timeline(convId)).map(text)).toEqual([
      'First topic',
      'On it',
      'split_into',
      'split_into',
    ]);
    expect(res.body.from).toMatchObject({ lastMessagePreview: 'On it', unreadCount: 0 });
  });

  it('refuses a split that moves everything, starts nowhere or is not allowed', async () => {
    const items = await w.timeline(convId);
    const first = items[0]!;
    const everything = await w.split(w.admin, convId, { messageId: first.id, withFollowing: true });
    expect([everything.status, everything.body.code]).toEqual([422, 'INVALID_MOVE']);
    const activity = items.find((m) => m.kind === 'activity')!;
    const elsewhere = (await w.timeline(createdId))[0]!;
    for (const body of [
      { messageId: activity.id, withFollowing: false },
      { messageId: elsewhere.id, withFollowing: false },
      { messageId: first.id },
      { messageId: 'nope', withFollowing: false },
      { messageId: first.id, withFollowing: 'yes' },
    ])
      expect((await w.split(w.admin, convId, body)).status).toBe(400);
    const strangers = await w.split(w.stranger, convId, {
      messageId: first.id,
      withFollowing: false,
    });
    expect(strangers.status).toBe(404);

    // A merged conversation has nothing to split any more.
    const dee = { id: 'dee-1', name: 'Dee', email: 'dee@example.test' };
    await w.mailCustomer.say('Dee by mail', 'd-1', dee);
    await w.chatCustomer.say('Dee by chat', 'd-2', { ...dee, id: 'dee-chat' });
    const x = await w.conversationIn(w.mailInboxId, 'Dee');
    const y = await w.conversationIn(w.chatInboxId, 'Dee');
    expect((await w.merge(w.admin, x.id, { sourceId: y.id })).status).toBe(200);
    const left = (await w.timeline(y.id))[0]!;
    const merged = await w.split(w.admin, y.id, { messageId: left.id, withFollowing: false });
    expect(merged.status).toBe(409);
    expect(await w.timeline(convId)).toEqual(items);
  });
});
