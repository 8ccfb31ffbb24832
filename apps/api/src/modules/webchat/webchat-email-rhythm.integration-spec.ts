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
import { WidgetVisitorClient } from './testing/widget-visitor-client';

const SHOP = 'https://shop.example';

/**
 * The customer's rhythm with an email inbox in the account: wrote in the chat, left, got the
 * answer by email from the support address, answered by email — and the answer is in the chat.
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

  it('sends the reply from the support address and threads the emailed answer into the chat', async () => {
    const visitor = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await visitor.session();
    const question = await visitor.say('Can I return worn boots?', undefined, {
      pageUrl: `${SHOP}/returns`,
    });
    await visitor.leaveEmail('jane@customer.example');
    const { conversationId } = await api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ id: question.body.id });

    const before = smtp.messages.length;
    const reply = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      {
        text: 'Within 30 days, yes.',
      },
    );
    const [mail] = (await smtp.waitForMessages(before + 1, 15_000)).slice(before);
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
