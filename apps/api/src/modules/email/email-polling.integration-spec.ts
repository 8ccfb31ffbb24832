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

describe('email sync without IDLE: polling', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let inboxId: string;

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT], idle: false });
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

  it('polls a server that does not offer IDLE and still picks up new mail quickly', async () => {
    await eventually(
      async () =>
        (await admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`)).status ===
        'polling',
    );
    const mail = customerMail({ subject: 'Polled', text: 'found by polling' });
    const started = Date.now();
    await dovecot.appendMessage(SUPPORT.user, 'INBOX', mail.source);
    await waitForMessage(api.dataSource, mail.messageId, 8000);
    // Poll interval in tests is 1 s; the 20 s safety poll would be far slower.
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('checks the connection again when an admin changes the password, and keeps the old one on failure', async () => {
    const res = await admin.request<{ message: string }>('PATCH', `/api/inboxes/${inboxId}`, {
      secrets: { imapPassword: 'wrong' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/IMAP: login refused/);
    const mail = customerMail({ subject: 'Still syncing', text: 'old password still works' });
    await dovecot.appendMessage(SUPPORT.user, 'INBOX', mail.source);
    await waitForMessage(api.dataSource, mail.messageId);
  });
});
