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
import { Like } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import type { EmailSyncStatusDto } from './email-sync-status.controller';
import { EmailSyncStatesRepository } from './email-sync-states.repository';
import {
  createEmailInbox,
  customerMail,
  duplicatedExternalIds,
  eventually,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from './testing/email-test-kit';

describe('email sync: Dovecot → conversations', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let inboxId: string;
  const day = 24 * 3600_000;

  const append = (mail: { source: string }, receivedAt?: Date) =>
    dovecot.appendMessage(SUPPORT.user, 'INBOX', mail.source, { receivedAt });
  const messages = () => api.dataSource.getRepository(MessageEntity);

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    // History on the server before the inbox is connected: two recent mails, one too old to import.
    await append(
      customerMail({
        subject: 'Old history',
        text: 'ancient',
        messageId: '<old@customer.example>',
      }),
      new Date(Date.now() - 90 * day),
    );
    await append(
      customerMail({
        subject: 'Recent one',
        text: 'first',
        messageId: '<recent-1@customer.example>',
      }),
      new Date(Date.now() - 3 * day),
    );
    await append(
      customerMail({
        subject: 'Recent two',
        text: 'second',
        messageId: '<recent-2@customer.example>',
        from: 'bob@buyer.example',
      }),
      new Date(Date.now() - day),
    );
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    inboxId = (await createEmailInbox(admin, dovecot, smtp)).id;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('imports recent history on first connect, with progress in the inbox settings', async () => {
    await waitForMessage(api.dataSource, '<recent-1@customer.example>');
    await waitForMessage(api.dataSource, '<recent-2@customer.example>');
    const status = await eventually(async () => {
      const s = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
      return s.history.completed && s.status === 'idle' && s;
    });
    expect(status.history).toEqual({ total: 2, done: 2, completed: true });
    expect(status.status).toBe('idle');
    expect(await messages().countBy({ externalId: '<old@customer.example>' })).toBe(0);
  });

  it('shows a message appended to the mailbox as a conversation, live (IDLE)', async () => {
    const mail = customerMail({ subject: 'Broken blender', text: 'It makes a noise.' });
    const started = Date.now();
    await append(mail);
    const stored = await waitForMessage(api.dataSource, mail.messageId, 8000);
    // Well under the 20 s safety poll: IDLE pushed it.
    expect(Date.now() - started).toBeLessThan(8000);
    const conv = await api.dataSource.getRepository(ConversationEntity).findOne({
      select: { subject: true, inboxId: true },
      where: { id: stored.conversationId },
    });
    expect(conv).toEqual({ subject: 'Broken blender', inboxId });
  });

  it('threads replies: by References, by subject + sender when headers are dropped; a new subject is a new conversation', async () => {
    const first = customerMail({ subject: 'Invoice missing', text: 'Where is it?' });
    await append(first);
    const original = await waitForMessage(api.dataSource, first.messageId);

    const reply = customerMail({
      subject: 'Re: Invoice missing',
      text: 'Any news?',
      inReplyTo: first.messageId,
      references: [first.messageId],
    });
    await append(reply);
    expect((await waitForMessage(api.dataSource, reply.messageId)).conversationId).toBe(
      original.conversationId,
    );

    const headerless = customerMail({ subject: 'RE: Invoice missing', text: 'Hello??' });
    await append(headerless);
    expect((await waitForMessage(api.dataSource, headerless.messageId)).conversationId).toBe(
      original.conversationId,
    );

    const other = customerMail({ subject: 'Change my address', text: 'New address...' });
    await append(other);
    expect((await waitForMessage(api.dataSource, other.messageId)).conversationId).not.toBe(
      original.conversationId,
    );
  });

  it('refuses unreadable mail with a visible reason and keeps syncing the mail after it', async () => {
    await append({
      source:
        'To: support@example.test\r\nSubject: nobody sent this\r\nMessage-ID: <nofrom@x.example>\r\n\r\nhi\r\n',
    });
    await append({
      source:
        'From: a@b.example\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nbroken \u0000 body\r\n',
    });
    const after = customerMail({ subject: 'After the bad ones', text: 'still here' });
    await append(after);
    await waitForMessage(api.dataSource, after.messageId);
    const status = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
    expect(status.log.map((l) => l.reason)).toContainEqual(
      expect.stringContaining('no sender address'),
    );
    // The headerless, body-broken one is stored as well as it can be (synthesised Message-ID).
    expect(
      await messages().countBy({ externalId: Like('<sb-%@missing-message-id.invalid>') }),
    ).toBe(1);
  });

  it('stores the text of a message with a 50 MB attachment, says what was left out, and goes on', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 7)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const source =
      'From: big@customer.example\r\nSubject: Huge file\r\nMessage-ID: <huge@customer.example>\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n' +
      `--b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename="big.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n--b--\r\n`;
    const { uid } = await append({ source });
    const after = customerMail({ subject: 'After the huge one', text: 'small' });
    await append(after);
    await waitForMessage(api.dataSource, after.messageId, 30_000);
    const status = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
    expect(status.log.find((l) => l.uid === uid)).toMatchObject({
      action: 'skipped',
      reason: expect.stringContaining('big.zip'),
    });
    const huge = await waitForMessage(api.dataSource, '<huge@customer.example>');
    expect(huge.text).toContain('see attachment');
    expect(huge.text).toMatch(
      /too large to store whole\. Left on the mail server: big\.zip \(50\.0 MB\)/,
    );
  }, 60_000);

  it('a UIDVALIDITY change duplicates nothing, and deleted conversations stay deleted', async () => {
    const doomed = customerMail({ subject: 'Delete me', text: 'spam' });
    await append(doomed);
    const stored = await waitForMessage(api.dataSource, doomed.messageId);
    await api.dataSource.getRepository(ConversationEntity).delete({ id: stored.conversationId });
    const before = await messages().countBy({ inboxId });

    await dovecot.resetUidValidity(SUPPORT.user, 'INBOX');
    const next = customerMail({ subject: 'After renumbering', text: 'new mail' });
    await append(next);
    await waitForMessage(api.dataSource, next.messageId);

    expect(await messages().countBy({ inboxId })).toBe(before + 1);
    expect(await messages().countBy({ externalId: doomed.messageId })).toBe(0);
    expect(await duplicatedExternalIds(api.dataSource, { inboxId })).toHaveLength(0);
  });

  it('keeps a different mail that reuses a Message-ID; the same mail delivered twice is stored once, logged', async () => {
    const messageId = '<reused-id@mailer.example>';
    const first = customerMail({ subject: 'Order 1', text: 'Where is order 1?', messageId });
    const second = customerMail({ subject: 'Order 2', text: 'Where is order 2?', messageId });
    await append(first);
    await append(second);
    const stored = await eventually(async () => {
      const rows = await messages().findBy({ inboxId, externalId: Like(`${messageId}%`) });
      return rows.length === 2 ? rows : null;
    });
    expect(stored.map((m) => m.text).sort()).toEqual(['Where is order 1?', 'Where is order 2?']);
    // A second delivery of each: another relay's header on top, the same mail underneath.
    const redelivered = (mail: { source: string }) => ({
      source: `Received: from relay2.example by mx.example; ${new Date().toUTCString()}\r\n${mail.source}`,
    });
    await append(redelivered(first));
    await append(redelivered(second));
    const after = customerMail({ subject: 'After the copies', text: 'next' });
    await append(after);
    await waitForMessage(api.dataSource, after.messageId);
    expect(await messages().countBy({ inboxId, externalId: Like(`${messageId}%`) })).toBe(2);
    const { log } = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
    const duplicates = log.filter((l) => l.action === 'duplicate' && l.messageId === messageId);
    expect(duplicates).toHaveLength(2);
    expect(duplicates[0]!.reason).toContain('the same mail');
  });

  it('keeps the words of a mail whose MIME structure is broken, with a line in the sync log', async () => {
    const messageId = '<broken-boundary@customer.example>';
    const source = [
      'From: Ivan <ivan@customer.example>',
      `To: ${SUPPORT.user}`,
      'Subject: Broken structure',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="declared"',
      '',
      '--used-instead',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Заказ 77 не пришёл',
      '--used-instead--',
      '',
    ].join('\r\n');
    await append({ source });
    const stored = await waitForMessage(api.dataSource, messageId);
    expect(stored.text).toContain('Заказ 77 не пришёл');
    // The log line follows the message's commit.
    const line = await eventually(async () => {
      const s = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
      return s.log.find((l) => l.messageId === messageId);
    });
    expect(line).toMatchObject({
      action: 'simplified',
      reason: expect.stringContaining('MIME structure is broken'),
    });
  });

  it('caps the inbound mail of one conversation per hour (mail loops) with a visible log entry', async () => {
    await admin.ok('PATCH', `/api/inboxes/${inboxId}`, { settings: { hourlyMessageCap: 2 } });
    const first = customerMail({ subject: 'Loop', text: 'ping 1', from: 'loop@customer.example' });
    await append(first);
    await waitForMessage(api.dataSource, first.messageId);
    const ids = [first.messageId];
    for (const n of [2, 3]) {
      const next = customerMail({
        subject: 'Re: Loop',
        text: `ping ${n}`,
        from: 'loop@customer.example',
        inReplyTo: ids.at(-1),
      });
      ids.push(next.messageId);
      await append(next);
    }
    await waitForMessage(api.dataSource, ids[1]);
    const log = await eventually(async () => {
      const s = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
      return s.log.find((l) => l.action === 'capped' && l.messageId === ids[2]);
    });
    expect(log.reason).toContain('More than 2 messages in one conversation within an hour');
    expect(await messages().countBy({ externalId: ids[2] })).toBe(0);
    await admin.ok('PATCH', `/api/inboxes/${inboxId}`, { settings: { hourlyMessageCap: 30 } });
  });

  it('the watchdog notices a silently dead connection and reconnects', async () => {
    // Settle on one live IDLE connection first (the cap test above restarted the sync).
    await new Promise((r) => setTimeout(r, 1500));
    const warmup = customerMail({ subject: 'Warm-up', text: 'hello' });
    await append(warmup);
    await waitForMessage(api.dataSource, warmup.messageId);
    // An error from an earlier outage: the reconnection below clears it.
    await api.app.get(EmailSyncStatesRepository).setStatus(inboxId, 'error', 'Earlier outage');
    expect(await dovecot.freezeConnections()).toBeGreaterThan(0);
    try {
      const mail = customerMail({ subject: 'While frozen', text: 'are you there?' });
      await append(mail);
      await waitForMessage(api.dataSource, mail.messageId, 15_000);
    } finally {
      await dovecot.thawConnections();
    }
    const status = await eventually(async () => {
      const s = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
      return s.lastError === null ? s : null;
    });
    expect(['idle', 'polling']).toContain(status.status);
  });
});
