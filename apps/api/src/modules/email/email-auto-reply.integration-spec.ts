import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import type { InboxDto, MessageDto, Page } from '@switchboard/contracts';
import { MessageEntity } from '../messages/entities/message.entity';
import type { EmailSyncStatusDto } from './email-sync-status.controller';
import {
  customerMail,
  emailInboxBody,
  eventually,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from './testing/email-test-kit';

const FIXTURES = join(__dirname, '../../../../../libs/channels/email/src/fixtures');
const ACK = 'Thanks for writing to Acme. We answer within one working day.';

describe('email: automatic acknowledgement and mail loops (RFC 3834)', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let inboxId: string;

  const append = (source: string | Buffer) => dovecot.appendMessage(SUPPORT.user, 'INBOX', source);
  const syncedToEnd = () =>
    eventually(async () => {
      const s = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
      return s.lastUid >= (await dovecot.mailboxStatus(SUPPORT.user, 'INBOX')).uidNext - 1;
    });

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    inboxId = (
      await admin.ok<InboxDto>(
        'POST',
        '/api/inboxes',
        emailInboxBody(dovecot, smtp, { autoAcknowledgement: ACK }),
      )
    ).id;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('the auto-reply corpus is stored but triggers no automatic answer', async () => {
    const corpus = readdirSync(join(FIXTURES, 'auto-reply')).filter((f) => !f.startsWith('human-'));
    expect(corpus.length).toBeGreaterThanOrEqual(12);
    for (const file of corpus) await append(readFileSync(join(FIXTURES, 'auto-reply', file)));
    await syncedToEnd();
    const stored = [];
    for (const file of corpus)
      stored.push(
        await waitForMessage(api.dataSource, `<${file.replace(/\.eml$/, '')}@customer.example>`),
      );
    // Give any (wrong) automatic answer time to leave.
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.messages).toHaveLength(0);
    // Each shows as automated in the timeline.
    for (const m of stored) {
      const page = await admin.ok<Page<MessageDto>>(
        'GET',
        `/api/conversations/${m.conversationId}/messages`,
      );
      expect(page.items.find((i) => i.id === m.id)).toMatchObject({ automated: true });
    }
  });

  it('a person who opens a conversation gets one acknowledgement, marked Auto-Submitted, threaded, visible to operators', async () => {
    const mail = customerMail({
      subject: 'Need help',
      text: 'Hello!',
      from: 'person@customer.example',
    });
    await append(mail.source);
    const incoming = await waitForMessage(api.dataSource, mail.messageId);
    const [ack] = await smtp.waitForMessages(1);
    expect(ack.envelope.to).toEqual(['person@customer.example']);
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.parsed.inReplyTo).toBe(mail.messageId);
    expect(ack.parsed.subject).toMatch(/^Re: Need help/);
    expect(ack.parsed.text?.trim()).toBe(ACK);
    const timeline = await eventually(async () => {
      return api.dataSource.getRepository(MessageEntity).findOne({
        select: { direction: true, senderType: true, text: true, deliveryStatus: true },
        where: { conversationId: incoming.conversationId, direction: 'outgoing' },
      });
    });
    expect(timeline).toEqual({
      direction: 'outgoing',
      senderType: 'system',
      text: ACK,
      deliveryStatus: 'sent',
    });

    // A follow-up in the same conversation is not acknowledged again.
    const followUp = customerMail({
      subject: 'Re: Need help',
      text: 'More details',
      from: 'person@customer.example',
      inReplyTo: mail.messageId,
    });
    await append(followUp.source);
    await waitForMessage(api.dataSource, followUp.messageId);
    await syncedToEnd();
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages).toHaveLength(1);
  });

  it('caps acknowledgements per address per hour, with a log entry', async () => {
    const before = smtp.messages.length;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const mail = customerMail({
        subject: `Topic ${i}`,
        text: 'new topic',
        from: 'chatty@customer.example',
      });
      ids.push(mail.messageId);
      await append(mail.source);
    }
    for (const id of ids) await waitForMessage(api.dataSource, id);
    await syncedToEnd();
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages.length - before).toBe(3);
    const status = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
    expect(
      status.log.filter(
        (l) => l.action === 'capped' && l.reason.includes('chatty@customer.example'),
      ),
    ).toHaveLength(2);
  });
});
