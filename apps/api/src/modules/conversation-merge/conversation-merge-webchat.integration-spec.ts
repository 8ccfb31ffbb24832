import type { ConversationLinksDto, InboxDto } from '@switchboard/contracts';
import { WidgetVisitorClient } from '../webchat/testing/widget-visitor-client';
import { settled, TwoChannelWorld } from './testing/two-channel-world';

const SHOP = 'https://shop.example';
const SECRET = 'merge-webchat-secret-0123456789abcdef0123';

/**
 * Email + web chat: a visitor's chat (another card: the widget never trusts a typed address) is
 * merged, confirmed, into the customer's mail conversation. The visitor keeps seeing their own
 * chat and nothing of the mail; writing again lands in the survivor; a reply goes out on the
 * chat by default (the latest customer message came from there), live to the open widget, and
 * one sent via mail never shows in the widget.
 */
describe('conversation merge with a web chat', () => {
  const w = new TwoChannelWorld();
  let webchat: InboxDto;
  let visitor: WidgetVisitorClient;

  beforeAll(async () => {
    await w.start();
    webchat = await w.admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: SECRET },
    });
    visitor = new WidgetVisitorClient(w.api.baseUrl, webchat.id, SHOP);
    await visitor.session();
  });
  afterAll(async () => {
    visitor?.disconnect();
    await w.close();
  });

  const widgetTexts = async () => (await visitor.history()).body.items.map((m) => m.text);

  it('keeps the visitor to their own messages, follows them into the survivor, replies on chat', async () => {
    await w.mailCustomer.say('Mail: where is my order?', 'm-1', {
      id: 'ada',
      name: 'Ada',
      email: 'ada@example.test',
    });
    expect((await visitor.say('Chat: hello, about my order')).status).toBe(200);
    const target = await w.conversationIn(w.mailInboxId, 'Ada');
    const source = (
      await w.admin.ok<{ items: { id: string; inboxId: string }[] }>(
        'GET',
        '/api/conversations?status=open',
      )
    ).items.find((c) => c.inboxId === webchat.id)!;

    const unconfirmed = await w.merge(w.admin, target.id, { sourceId: source.id });
    expect(unconfirmed.body.code).toBe('MERGE_CONFIRMATION_REQUIRED');
    expect((await w.merge(w.admin, target.id, { sourceId: source.id, confirm: true })).status).toBe(
      200,
    );
    // The visitor's history: theirs, never the mail customer's words.
    expect(await widgetTexts()).toEqual(['Chat: hello, about my order']);

    expect((await visitor.say('Chat: still there?')).status).toBe(200);
    expect((await w.timeline(target.id)).map((m) => m.text).filter(Boolean)).toEqual([
      'Mail: where is my order?',
      'Chat: hello, about my order',
      'Chat: still there?',
    ]);
    expect((await w.timeline(source.id)).map((m) => m.activity?.type)).toEqual(['merged_into']);

    const links = await w.admin.ok<ConversationLinksDto>(
      'GET',
      `/api/conversations/${target.id}/links`,
    );
    const onChat = links.replyChannels.find((c) => c.channel === 'webchat')!;
    const onMail = links.replyChannels.find((c) => c.inboxId === w.mailInboxId)!;
    expect(links.defaultIdentityId).toBe(onChat.identityId);

    await visitor.connect();
    expect((await w.reply(target.id, 'Answer in the chat')).status).toBe(201);
    expect((await w.reply(target.id, 'Answer by mail', onMail.identityId)).status).toBe(201);
    await settled(async () => {
      expect(visitor.received.map((m) => m.text)).toContain('Answer in the chat');
      expect(w.mail.received).toContain('Answer by mail');
    });
    expect(w.mail.received).not.toContain('Answer in the chat');
    expect(await widgetTexts()).toEqual([
      'Chat: hello, about my order',
      'Chat: still there?',
      'Answer in the chat',
    ]);
  });
});
