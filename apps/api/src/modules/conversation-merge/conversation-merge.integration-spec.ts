import type {
  ApiErrorDto,
  ConversationLinksDto,
  ConversationSummaryDto,
  Page,
  TaskDto,
} from '@switchboard/contracts';
import { createApiInbox, RecordingOperatorSocket } from '@switchboard/testing';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { settled, TwoChannelWorld } from './testing/two-channel-world';

/**
 * Merge end to end over REST and the stream, with real inbound webhooks and real outbound sends:
 * a customer who wrote on two channels (two API inboxes standing for email and chat) is merged
 * into one conversation, keeps writing on the old channel, is answered on the channel the operator
 * picks; every bad input; two operators merging crossways.
 */
describe('conversation merge', () => {
  const w = new TwoChannelWorld();
  const ada = { id: 'ada-1', name: 'Ada', email: 'ada@example.test' };
  const adaOnChat = { id: 'ada-chat-7', name: 'Ada', email: 'ada@example.test' };

  beforeAll(() => w.start());
  afterAll(() => w.close());

  let target: ConversationSummaryDto;
  let source: ConversationSummaryDto;

  it('merges every message exactly once, interleaved by time, live for a colleague', async () => {
    // Ada writes by "mail" and by "chat", alternately; an operator answers and notes on both.
    await w.mailCustomer.say('Mail 1', 'm-1', ada);
    await w.chatCustomer.say('Chat 1', 'c-1', adaOnChat);
    target = await w.conversationIn(w.mailInboxId, 'Ada');
    source = await w.conversationIn(w.chatInboxId, 'Ada');
    expect(source.contact.id).toBe(target.contact.id);
    await w.reply(source.id, 'Chat answer');
    await w.mailCustomer.say('Mail 2', 'm-2', ada);
    await w.admin.ok('POST', `/api/conversations/${source.id}/messages`, {
      kind: 'note',
      text: 'Same person as the mail',
    });
    await w.chatCustomer.say('Chat 2', 'c-2', adaOnChat);
    await settled(async () => expect(w.chat.received).toEqual(['Chat answer']));

    // A task made in the chat conversation shows in the survivor too.
    const me = await w.admin.ok<{ id: string }>('GET', '/api/auth/me');
    const task = await w.admin.ok<TaskDto>('POST', '/api/tasks', {
      title: 'Call Ada back',
      assigneeId: me.id,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      conversationIds: [source.id],
    });

    const fromSource = await w.timeline(source.id);
    const before = [...(await w.timeline(target.id)), ...fromSource];
    const beforeIds = before.map((m) => m.id).sort();

    const colleague = await RecordingOperatorSocket.connect(w.api.baseUrl, w.agent.token!);
    try {
      const res = await w.merge(w.agent, target.id, { sourceId: source.id });
      expect(res.status).toBe(200);
      expect(res.body.movedCount).toBe(fromSource.length);
      expect(res.body.from).toMatchObject({ id: source.id, status: 'closed', unreadCount: 0 });
      expect(res.body.to).toMatchObject({
        id: target.id,
        status: 'open',
        lastMessagePreview: 'Chat 2',
        lastMessageDirection: 'incoming',
      });
      await colleague.waitFor((events) =>
        ['merged_into', 'conversation_merged'].every((type) =>
          events.some(
            (e) => e.type === 'message.created' && e.payload.message.activity?.type === type,
          ),
        ),
      );
      const moved = colleague.events.flatMap((e) =>
        e.type === 'conversation.messages_moved' ? [e] : [],
      );
      expect(
        moved.map((e) => [e.conversationId, e.payload.movedIn.length, e.payload.movedOut.length]),
      ).toEqual([
        [source.id, 0, fromSource.length],
        [target.id, fromSource.length, 0],
      ]);
      expect(moved[0]!.payload.conversation.status).toBe('closed');
      await colleague.waitFor((events) =>
        events.some(
          (e) =>
            e.type === 'task.changed' &&
            e.conversationId === target.id &&
            e.payload.taskId === task.id,
        ),
      );
    } finally {
      colleague.close();
    }

    const after = await w.timeline(target.id);
    const contentIds = after.filter(
      (m) => m.kind !== 'activity' || m.activity?.type !== 'conversation_merged',
    );
    // Each message once, nothing lost, in time order: the two channels interleave.
    expect(contentIds.map((m) => m.id).sort()).toEqual(beforeIds);
    expect(after.filter((m) => m.kind === 'message').map((m) => m.text)).toEqual([
      'Mail 1',
      'Chat 1',
      'Chat answer',
      'Mail 2',
      'Chat 2',
    ]);
    const times = after.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(after.at(-1)!.activity).toEqual({
      type: 'conversation_merged',
      by: { id: expect.any(String), name: 'Agnes Agent' },
      source: { id: source.id, number: source.number },
      movedCount: fromSource.length,
    });
    // The merged one keeps only the pointer, as an activity and as the banner's link.
    const left = await w.timeline(source.id);
    expect(left.map((m) => m.activity?.type)).toEqual(['merged_into']);
    const links = await w.admin.ok<ConversationLinksDto>(
      'GET',
      `/api/conversations/${source.id}/links`,
    );
    expect(links.mergedInto).toEqual({ id: target.id, number: target.number });
    expect((await w.summary(target.id)).unreadCount).toBe(3);
    const carried = await w.admin.ok<TaskDto[]>('GET', `/api/conversations/${target.id}/tasks`);
    expect(carried.map((t) => t.id)).toEqual([task.id]);
    // Its reply keeps its channel: a retry or resend after the merge goes where it went.
    const answer = after.find((m) => m.text === 'Chat answer')!;
    const row = await w.api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ id: answer.id });
    const identity = await w.api.dataSource
      .getRepository(ContactIdentityEntity)
      .findOneByOrFail({ id: row.recipientIdentityId ?? '' });
    expect([row.inboxId, identity.inboxId, identity.externalId]).toEqual([
      w.chatInboxId,
      w.chatInboxId,
      'ada-chat-7',
    ]);
  });

  it('lands a later customer message on the old channel in the survivor; the merged one stays closed', async () => {
    const res = await w.chatCustomer.say('Chat 3, after the merge', 'c-3', adaOnChat);
    expect(res.status).toBe(200);
    const texts = (await w.timeline(target.id)).map((m) => m.text);
    expect(texts.at(-1)).toBe('Chat 3, after the merge');
    expect((await w.timeline(source.id)).map((m) => m.activity?.type)).toEqual(['merged_into']);
    expect(await w.summary(source.id)).toMatchObject({ status: 'closed' });
    expect(await w.summary(target.id)).toMatchObject({
      status: 'open',
      unreadCount: 4,
      lastMessagePreview: 'Chat 3, after the merge',
    });
    // An operator cannot reopen it either: work goes on in the survivor.
    const reopen = await w.admin.request<ApiErrorDto>(
      'POST',
      `/api/conversations/${source.id}/reopen`,
    );
    expect(reopen.status).toBe(409);
    // And the other channel still lands where it always did.
    await w.mailCustomer.say('Mail 3', 'm-3', ada);
    expect((await w.timeline(target.id)).at(-1)!.text).toBe('Mail 3');
  });

  it('replies on the channel the operator picks; by default that of the latest customer message', async () => {
    await w.chatCustomer.say('Chat 4', 'c-4', adaOnChat);
    const links = await w.admin.ok<ConversationLinksDto>(
      'GET',
      `/api/conversations/${target.id}/links`,
    );
    expect(links.mergedInto).toBeNull();
    expect(links.replyChannels.map((c) => c.inboxName)).toEqual(['Mail', 'Chat']);
    const onChat = links.replyChannels.find((c) => c.inboxId === w.chatInboxId)!;
    const onMail = links.replyChannels.find((c) => c.inboxId === w.mailInboxId)!;
    expect(links.defaultIdentityId).toBe(onChat.identityId);

    const mailBefore = w.mail.received.length;
    const chatBefore = w.chat.received.length;
    expect((await w.reply(target.id, 'Default goes to chat')).status).toBe(201);
    expect((await w.reply(target.id, 'Picked mail', onMail.identityId)).status).toBe(201);
    expect((await w.reply(target.id, 'Picked chat', onChat.identityId)).status).toBe(201);
    await settled(async () => {
      expect(w.chat.received.slice(chatBefore)).toEqual(['Default goes to chat', 'Picked chat']);
      expect(w.mail.received.slice(mailBefore)).toEqual(['Picked mail']);
    });
    await settled(async () => {
      const sent = (await w.timeline(target.id)).filter((m) => m.text?.startsWith('Pick'));
      expect(sent.map((m) => m.deliveryStatus)).toEqual(['sent', 'sent']);
    });

    // Someone else's identity, a made-up one, a note with one: refused, nothing stored.
    const count = (await w.timeline(target.id)).length;
    const bob = { id: 'bob-1', name: 'Bob', email: 'bob@example.test' };
    await w.mailCustomer.say('I am Bob', 'b-1', bob);
    const bobLinks = await w.admin.ok<ConversationLinksDto>(
      'GET',
      `/api/conversations/${(await w.conversationIn(w.mailInboxId, 'Bob')).id}/links`,
    );
    for (const identityId of [
      bobLinks.replyChannels[0]!.identityId,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const refused = await w.reply(target.id, 'Nope', identityId);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/identityId/);
    }
    const note = await w.admin.request<ApiErrorDto>(
      'POST',
      `/api/conversations/${target.id}/messages`,
      {
        kind: 'note',
        text: 'x',
        identityId: onMail.identityId,
      },
    );
    expect(note.status).toBe(400);
    expect((await w.reply(target.id, 'Bad id', 'not-a-uuid')).status).toBe(400);
    expect((await w.timeline(target.id)).length).toBe(count);
  });

  it('refuses bad merges with the reason, changing nothing', async () => {
    const bob = await w.conversationIn(w.mailInboxId, 'Bob');
    await w.mailCustomer.say('Cy here', 'cy-1', {
      id: 'cy-1',
      name: 'Cy',
      email: 'cy@example.test',
    });
    const cy = await w.conversationIn(w.mailInboxId, 'Cy');
    const strangerInbox = await createApiInbox(w.stranger, 'Theirs');
    await strangerInbox.customer.say('Elsewhere', 'x-1', {
      id: 'x',
      name: 'Xena',
      email: 'x@x.test',
    });
    const theirs = (await w.stranger.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations'))
      .items[0]!;
    const bobBefore = await w.timeline(bob.id);

    const itself = await w.merge(w.admin, bob.id, { sourceId: bob.id });
    expect([itself.status, itself.body.code]).toEqual([422, 'INVALID_MOVE']);
    const strangers = await w.merge(w.admin, bob.id, { sourceId: cy.id });
    expect([strangers.status, strangers.body.code]).toEqual([409, 'MERGE_CONFIRMATION_REQUIRED']);
    expect(strangers.body.message).toContain(`#${cy.number}`);
    expect((await w.merge(w.admin, bob.id, { sourceId: theirs.id })).status).toBe(404);
    expect((await w.merge(w.admin, theirs.id, { sourceId: bob.id })).status).toBe(404);
    expect((await w.merge(w.stranger, theirs.id, { sourceId: bob.id })).status).toBe(404);
    expect((await w.merge(w.admin, bob.id, { sourceId: source.id })).body.code).toBe(
      'INVALID_STATE',
    );
    expect((await w.merge(w.admin, source.id, { sourceId: bob.id })).status).toBe(409);
    for (const body of [
      {},
      { sourceId: 'nope' },
      { sourceId: cy.id, confirm: 'yes' },
      { sourceId: cy.id, extra: 1 },
      'x'.repeat(10_000),
    ])
      expect((await w.merge(w.admin, bob.id, body)).status).toBe(400);
    expect((await w.merge(w.admin, 'not-a-uuid', { sourceId: cy.id })).status).toBe(404);
    expect(await w.timeline(bob.id)).toEqual(bobBefore);
    expect((await w.summary(cy.id)).status).toBe('open');

    // Confirmed, two customers' conversations merge.
    const confirmed = await w.merge(w.admin, bob.id, { sourceId: cy.id, confirm: true });
    expect(confirmed.status).toBe(200);
    expect((await w.timeline(bob.id)).map((m) => m.text)).toContain('Cy here');
  });

  it('a customer writing on the old channel during the merge: every message once, later ones in the survivor', async () => {
    const eve = { id: 'eve-1', name: 'Eve', email: 'eve@example.test' };
    const eveOnChat = { ...eve, id: 'eve-chat' };
    await w.mailCustomer.say('Eve by mail', 'e-0', eve);
    await w.chatCustomer.say('Eve 0', 'ec-0', eveOnChat);
    const x = await w.conversationIn(w.mailInboxId, 'Eve');
    const y = await w.conversationIn(w.chatInboxId, 'Eve');
    const statuses: number[] = [];
    const writing = (async () => {
      for (let i = 1; i <= 15; i++)
        statuses.push((await w.chatCustomer.say(`Eve ${i}`, `ec-${i}`, eveOnChat)).status);
    })();
    await settled(async () => expect((await w.timeline(y.id)).length).toBeGreaterThan(4));
    const merged = await w.merge(w.admin, x.id, { sourceId: y.id });
    expect(merged.status).toBe(200);
    expect(merged.body.movedCount).toBeGreaterThan(4);
    await writing;
    expect(statuses).toEqual(Array(15).fill(200));
    const texts = (await w.timeline(x.id)).flatMap((m) => (m.kind === 'message' ? [m.text] : []));
    expect(texts).toEqual([
      'Eve by mail',
      'Eve 0',
      ...Array.from({ length: 15 }, (_, i) => `Eve ${i + 1}`),
    ]);
    expect((await w.timeline(y.id)).map((m) => m.activity?.type)).toEqual(['merged_into']);
  });

  it('two operators merging the same pair crossways: one wins, nothing lost or doubled', async () => {
    const dee = { id: 'dee-1', name: 'Dee', email: 'dee@example.test' };
    await w.mailCustomer.say('Dee by mail', 'd-1', dee);
    await w.chatCustomer.say('Dee by chat', 'd-2', { ...dee, id: 'dee-chat' });
    const x = await w.conversationIn(w.mailInboxId, 'Dee');
    const y = await w.conversationIn(w.chatInboxId, 'Dee');
    const ids = [...(await w.timeline(x.id)), ...(await w.timeline(y.id))].map((m) => m.id).sort();
    const results = await Promise.all([
      w.merge(w.admin, x.id, { sourceId: y.id }),
      w.merge(w.agent, y.id, { sourceId: x.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    const survivor = await w.timeline(winner.to.id);
    const kept = survivor.filter((m) => m.activity?.type !== 'conversation_merged');
    expect(kept.map((m) => m.id).sort()).toEqual(ids);
    expect((await w.timeline(winner.from.id)).map((m) => m.activity?.type)).toEqual([
      'merged_into',
    ]);
  });
});
