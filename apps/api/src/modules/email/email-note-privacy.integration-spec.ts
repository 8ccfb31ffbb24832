import type { MessageDto } from '@switchboard/contracts';
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
  messageByExternalId,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from './testing/email-test-kit';

/** Notes never leave by email: not as a mail, not quoted in a reply, not in its headers. */
describe('email: internal notes stay inside', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    await createEmailInbox(admin, dovecot, smtp);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('sends the reply without the note, quoted or otherwise, and threads only on real mail', async () => {
    const first = customerMail({ subject: 'Refund please', text: 'I want my money back.' });
    await dovecot.appendMessage(SUPPORT.user, 'INBOX', first.source);
    const incoming = await waitForMessage(api.dataSource, first.messageId);
    const me = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;

    const note = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${incoming.conversationId}/messages`,
      { kind: 'note', text: 'NOTE-SECRET: refund abuser, say no politely', mentionIds: [me] },
    );
    const reply = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${incoming.conversationId}/messages`,
      { text: 'We are looking into it.' },
    );

    const [mail] = await smtp.waitForMessages(1);
    if (!mail) throw new Error('no mail was sent');
    const raw = mail.raw.toString('utf8');
    // The mail quotes the customer's message it answers, never the note written after it.
    expect(mail.parsed.text?.trim()).toMatch(
      /^We are looking into it\.\n\nOn .+ wrote:\n> I want my money back\.$/,
    );
    expect(raw).not.toContain('NOTE-SECRET');
    expect(raw).not.toContain(note.id);
    expect(mail.parsed.references).toBe(first.messageId);
    await eventually(
      async () =>
        (await messageByExternalId(api.dataSource, mail.parsed.messageId ?? ''))?.id === reply.id,
    );
    // Only the reply went out: the note was never mailed on its own.
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages.filter((m) => m.raw.toString('utf8').includes('NOTE-SECRET'))).toEqual([]);
  });
});
