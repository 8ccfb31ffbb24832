import type { ConversationSummaryDto, Page } from '@switchboard/contracts';
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
import type { EmailSyncStatusDto } from './email-sync-status.controller';
import {
  createEmailInbox,
  customerMail,
  eventually,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from './testing/email-test-kit';

/** A delivery report (RFC 3464) for a Message-ID this inbox never sent. */
function strangersBounce(): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.elsewhere.example>',
    `To: ${SUPPORT.user}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <bounce-stranger@mx.elsewhere.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="rep"',
    '',
    '--rep',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--rep',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.elsewhere.example',
    '',
    'Final-Recipient: rfc822; nobody@customer.example',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    '--rep',
    'Content-Type: text/rfc822-headers',
    '',
    'From: someone@elsewhere.example',
    'Message-ID: <never-sent-by-us@elsewhere.example>',
    '',
    '--rep--',
    '',
  ].join('\r\n');
}

describe('email sync: nothing vanishes silently', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let inboxId: string;

  const append = (source: string) => dovecot.appendMessage(SUPPORT.user, 'INBOX', source);
  const logLine = (match: (l: EmailSyncStatusDto['log'][number]) => boolean) =>
    eventually(async () => {
      const s = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
      return s.log.find(match);
    });

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
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

  it('logs every mail it skips or only partly reads, with the reason, and goes on', async () => {
    const outOfOffice = customerMail({
      from: 'Olga <olga@customer.example>',
      subject: 'Out of office',
      text: 'I am away until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const ownMail = customerMail({
      subject: 'Our own copy',
      text: 'came back',
      headers: { 'X-Switchboard-Inbox': inboxId },
    });
    const klingon = customerMail({ subject: 'Strange charset', text: 'Qapla' });
    const klingonSource = klingon.source.replace('charset=utf-8', 'charset="x-klingon-7"');
    const after = customerMail({ subject: 'After them all', text: 'still arriving' });
    for (const source of [outOfOffice.source, ownMail.source, strangersBounce(), klingonSource])
      await append(source);
    await append(after.source);

    // The mail after them arrived: none of them stopped the mailbox.
    await waitForMessage(api.dataSource, after.messageId);
    const ooo = await waitForMessage(api.dataSource, outOfOffice.messageId);
    expect(ooo.automated).toBe(true);
    expect((await waitForMessage(api.dataSource, klingon.messageId)).text).toContain('Qapla');

    expect(await logLine((l) => l.messageId === outOfOffice.messageId)).toMatchObject({
      action: 'automated',
      reason: 'Stored, marked automated (auto-submitted)',
    });
    expect(await logLine((l) => l.reason.startsWith('Our own message'))).toMatchObject({
      action: 'skipped',
      messageId: null,
    });
    expect(
      await logLine((l) => l.messageId === '<never-sent-by-us@elsewhere.example>'),
    ).toMatchObject({
      action: 'skipped',
      reason: 'A delivery report for a message this inbox did not send: nothing to mark',
    });
    expect(await logLine((l) => l.messageId === klingon.messageId)).toMatchObject({
      action: 'simplified',
      reason: expect.stringContaining('(x-klingon-7)'),
    });
    // An ordinary mail gets no line.
    const s = await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
    expect(s.log.filter((l) => l.messageId === after.messageId)).toEqual([]);
  });

  it('marks a conversation whose newest customer mail is automated, and filters on it', async () => {
    const list = (automated?: 'hide' | 'only') =>
      admin.ok<Page<ConversationSummaryDto>>(
        'GET',
        `/api/conversations?status=all${automated ? `&automated=${automated}` : ''}`,
      );
    const subjects = (page: Page<ConversationSummaryDto>) =>
      page.items.map((c) => c.subject).sort();

    const all = await list();
    expect(all.items.find((c) => c.subject === 'Out of office')?.automated).toBe(true);
    expect(all.items.find((c) => c.subject === 'After them all')?.automated).toBeUndefined();
    expect(subjects(await list('only'))).toEqual(['Out of office']);
    expect(subjects(await list('hide'))).toEqual(['After them all', 'Strange charset']);

    // A person writing again in that conversation brings it back among the human ones.
    const human = customerMail({
      from: 'Olga <olga@customer.example>',
      subject: 'Re: Out of office',
      text: 'Back now: where is my parcel?',
    });
    await append(human.source);
    await waitForMessage(api.dataSource, human.messageId);
    expect(subjects(await list('only'))).toEqual([]);
    expect((await admin.request('GET', '/api/conversations?automated=maybe')).status).toBe(400);
  });
});
