import type { InboxDto, MessageDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  loginAs,
  startDovecot,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type DovecotServer,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import {
  createEmailInbox,
  customerMail,
  eventually,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from '../email/testing/email-test-kit';
import { MessageEntity } from '../messages/entities/message.entity';
import { confirmationLinkIn, confirmByLink } from './testing/follow-up-confirmation';
import { WidgetVisitorClient } from './testing/widget-visitor-client';

const SHOP = 'https://shop.example';

/**
 * The customer's rhythm with an email inbox in the account: wrote in the chat, confirmed the
 * address left for follow-ups, got the answer by email from the support address, answered by
 * email — and the answer is in the chat. Before confirmation nothing is mailed or shown.
 */
describe('web chat follow-up through the account email inbox', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let chat: InboxDto;

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    await createEmailInbox(admin, dovecot, smtp);
    chat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'rhythm-webchat-secret-0123456789abcdef' },
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('confirms the address from the support address, then mails replies and shows emailed answers', async () => {
    const visitor = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await visitor.session();
    const question = await visitor.say('Can I return worn boots?', undefined, {
      pageUrl: `${SHOP}/returns`,
    });
    const { conversationId } = await api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ id: question.body.id });

    // The confirmation goes out through the account's email inbox, like every follow-up.
    const sentBefore = smtp.messages.length;
    expect((await visitor.leaveEmail('jane@customer.example')).body).toEqual({
      email: null,
      pendingEmail: 'jane@customer.example',
    });
    const [confirmation] = (await smtp.waitForMessages(sentBefore + 1, 15_000)).slice(sentBefore);
    expect(confirmation.envelope.to).toEqual(['jane@customer.example']);
    expect(confirmation.parsed.from?.value[0]?.address).toBe(SUPPORT.user);
    const link = confirmationLinkIn(confirmation);

    // Unconfirmed: a reply is not mailed, and mail from that address threaded into the
    // conversation is not shown to whoever typed it.
    const early = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      { text: 'Before you confirmed.' },
    );
    await eventually(async () => {
      const row = await api.dataSource
        .getRepository(MessageEntity)
        .findOneByOrFail({ id: early.id });
      return row.deliveryStatus === 'sent';
    });
    expect(smtp.messages.length).toBe(sentBefore + 1);
    const unasked = customerMail({
      from: 'Jane <jane@customer.example>',
      subject: 'About my boots',
      text: 'Private: my order number is 4711.',
      inReplyTo: `<webchat.${conversationId}.m0@127.0.0.1>`,
    });
    await dovecot.appendMessage(SUPPORT.user, 'INBOX', unasked.source);
    expect((await waitForMessage(api.dataSource, unasked.messageId)).conversationId).toBe(
      conversationId,
    );
    // The texts, not the whole answer: a random id may well contain "4711".
    const texts = async () =>
      ((await visitor.history()).body as { items: { text: string | null }[] }).items
        .map((m) => m.text ?? '')
        .join('\n');
    expect(await texts()).not.toContain('4711');

    expect((await confirmByLink(link)).status).toBe(200);
    expect(await texts()).toContain('4711');

    const reply = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      {
        text: 'Within 30 days, yes.',
      },
    );
    const [mail] = (await smtp.waitForMessages(sentBefore + 2, 15_000)).slice(sentBefore + 1);
    expect(mail.envelope.to).toEqual(['jane@customer.example']);
    expect(mail.parsed.from?.value[0]?.address).toBe(SUPPORT.user);
    expect(mail.parsed.text).toContain('Within 30 days, yes.');
    expect(mail.parsed.text).toContain(`${SHOP}/returns#sb-chat`);
    expect(mail.parsed.messageId).toContain(conversationId);

    const answer = customerMail({
      from: 'Jane <jane@customer.example>',
      subject: `Re: ${mail.parsed.subject ?? ''}`,
      text: 'Great, sending them back today.',
      inReplyTo: mail.parsed.messageId,
      references: [mail.parsed.messageId ?? ''],
    });
    await dovecot.appendMessage(SUPPORT.user, 'INBOX', answer.source);
    const stored = await waitForMessage(api.dataSource, answer.messageId);
    expect(stored.conversationId).toBe(conversationId);

    // Back in the chat, the emailed answer is part of the conversation.
    const history = await eventually(async () => {
      const items = (await visitor.history()).body.items;
      return items.some((m) => m.text?.includes('sending them back today')) && items;
    });
    expect(history.map((m) => m.id)).toEqual(expect.arrayContaining([question.body.id, reply.id]));
  });
});
