import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditLogEntryDto, InboxDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startDovecot,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type DovecotServer,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { InboxLock } from '../../core/database/inbox-lock.repository';
import { EventEntity } from '../../core/events/entities/event.entity';
import { StoredFileEntity } from '../../core/storage/entities/stored-file.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import type { EmailSyncStatusDto } from './email-sync-status.controller';
import { EmailSyncStateEntity } from './entities/email-sync-state.entity';
import {
  customerMail,
  emailInboxBody,
  eventually,
  messageByExternalId,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from './testing/email-test-kit';

// Servers start in the hooks; the file sets its own timeout (see email-crash.integration-spec).
jest.setTimeout(180_000);

const SALES = { user: 'sales@example.test', password: 'sales-secret' } as const;

/** A customer's mail with a PDF attached, to prove its file goes with the history. */
function mailWithAttachment(subject: string, text: string) {
  const base = customerMail({ subject, text: '' });
  const pdf = Buffer.from('%PDF-1.4\n% order confirmation\n%%EOF\n').toString('base64');
  const source = base.source
    .replace(
      'Content-Type: text/plain; charset=utf-8\r\n\r\n\r\n',
      'Content-Type: multipart/mixed; boundary="att"\r\n\r\n' +
        `--att\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n` +
        '--att\r\nContent-Type: application/pdf; name="order.pdf"\r\n' +
        'Content-Disposition: attachment; filename="order.pdf"\r\n' +
        `Content-Transfer-Encoding: base64\r\n\r\n${pdf}\r\n--att--\r\n`,
    )
    .replace(/\r\n$/, '');
  return { source, messageId: base.messageId };
}

describe('email inbox lifecycle: pause, resume, remove, delete with history', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminToken: string;
  let support: InboxDto;

  const append = (user: string, mail: { source: string }) =>
    dovecot.appendMessage(user, 'INBOX', mail.source);
  const syncStatus = (inboxId: string) =>
    admin.ok<EmailSyncStatusDto>('GET', `/api/inboxes/${inboxId}/email-sync`);
  const conversationsOf = (inboxId: string) =>
    api.dataSource.getRepository(ConversationEntity).findBy({ inboxId });
  /** True when no pull loop holds the inbox's lock (taken and let go at once to find out). */
  const lockIsFree = async (inboxId: string) => {
    const lock = await InboxLock.tryAcquire(db.url, inboxId);
    await lock?.release();
    return lock !== null;
  };
  /** Appends a mail and gives the sync this long to (not) import it. */
  const notImportedWithin = async (user: string, ms: number) => {
    const mail = customerMail({ subject: 'Should wait', text: 'not now' });
    await append(user, mail);
    await new Promise((r) => setTimeout(r, ms));
    expect(await messageByExternalId(api.dataSource, mail.messageId)).toBeNull();
    return mail;
  };

  beforeAll(async () => {
    useFastEmailSync();
    // No periodic rescan within a test's patience: what stops or starts a sync promptly here is
    // the lifecycle signal, never the timer.
    process.env['EMAIL_SYNC_RESCAN_MS'] = '600000';
    dovecot = await startDovecot({ users: [SUPPORT, SALES] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    api = await startTestApi({
      databaseUrl: db.url,
      // Three conversations in batches of two: the purge takes more than one transaction.
      env: { INBOX_PURGE_DELAY_MS: '500', INBOX_PURGE_BATCH_SIZE: '2' },
    });
    const login = await loginAs(api.baseUrl);
    admin = login.client;
    adminToken = login.login.token;
    support = await admin.ok<InboxDto>('POST', '/api/inboxes', emailInboxBody(dovecot, smtp));
    const first = customerMail({ subject: 'Hello', text: 'First mail.' });
    await append(SUPPORT.user, first);
    await waitForMessage(api.dataSource, first.messageId, 30_000);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('a paused inbox fetches nothing and lets go of its connection; resumed, the mail arrives', async () => {
    const paused = await admin.ok<InboxDto>('POST', `/api/inboxes/${support.id}/pause`);
    expect(paused.pausedAt).not.toBeNull();
    expect(paused.pausable).toBe(true);
    expect((await syncStatus(support.id)).status).toBe('paused');
    // The sync stops at once (no rescan timer runs in this test): connection closed, lock free.
    await eventually(async () => dovecot.openConnections() === 0, 5_000, 'IMAP connection closed');
    expect(await lockIsFree(support.id)).toBe(true);

    const waiting = await notImportedWithin(SUPPORT.user, 3_000);
    const resumed = await admin.ok<InboxDto>('POST', `/api/inboxes/${support.id}/resume`);
    expect(resumed.pausedAt).toBeNull();
    await waitForMessage(api.dataSource, waiting.messageId, 15_000);
    // The status moves on once the catch-up pass ends, a few statements after the mail commits.
    await eventually(
      async () => ['idle', 'polling'].includes((await syncStatus(support.id)).status),
      5_000,
      'status back to idle or polling',
    );

    const audit = await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log');
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['inbox.paused', 'inbox.resumed']),
    );
    // A channel that pushes to us cannot be paused: it would lose what we refused.
    const { inbox: apiInbox } = await createApiInbox(admin, 'Shop API');
    const refused = await admin.request('POST', `/api/inboxes/${(apiInbox as InboxDto).id}/pause`);
    expect(refused.status).toBe(409);
  });

  it('a stale sync error clears when the server is back, and the mail sent meanwhile arrives', async () => {
    await dovecot.down();
    const down = await eventually(
      async () => {
        const s = await syncStatus(support.id);
        return s.status === 'error' && s.lastError ? s : null;
      },
      15_000,
      'the sync to report the outage',
    );
    expect(down.lastError).toMatch(/ECONNREFUSED|closed|connect/i);
    await dovecot.up();
    const meanwhile = customerMail({ subject: 'During the outage', text: 'hello?' });
    await append(SUPPORT.user, meanwhile);
    await waitForMessage(api.dataSource, meanwhile.messageId, 30_000);
    const recovered = await eventually(
      async () => {
        const s = await syncStatus(support.id);
        return s.lastError === null && ['idle', 'polling'].includes(s.status) ? s : null;
      },
      15_000,
      'the error to clear',
    );
    expect(recovered.lastErrorAt).toBeNull();
  });

  it('a refused SMTP login shows on the inbox until a send works again', async () => {
    const mail = customerMail({ subject: 'Needs an answer', text: 'Please reply' });
    await append(SUPPORT.user, mail);
    const { conversationId } = await waitForMessage(api.dataSource, mail.messageId);
    const reply = (text: string) =>
      admin.ok<MessageDto>('POST', `/api/conversations/${conversationId}/messages`, { text });
    smtp.reject({ stage: 'auth', code: 535, message: '5.7.8 Authentication credentials invalid' });
    await reply('First try');
    const broken = await eventually(async () => {
      const inbox = await admin.ok<InboxDto>('GET', `/api/inboxes/${support.id}`);
      return inbox.connectionError ? inbox : null;
    });
    expect(broken.connectionError).toMatch(/SMTP login failed/);
    smtp.accept();
    await reply('Second try');
    const fixed = await eventually(async () => {
      const inbox = await admin.ok<InboxDto>('GET', `/api/inboxes/${support.id}`);
      return inbox.connectionError === null ? inbox : null;
    });
    expect(fixed.connectionError).toBeNull();
  });

  it('a removed inbox stops syncing at once: no new mail, connection closed, lock released; history stays', async () => {
    const before = await conversationsOf(support.id);
    expect(before.length).toBeGreaterThan(0);
    const removed = await admin.request('DELETE', `/api/inboxes/${support.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ removed: true, historyDeleted: false });
    await eventually(async () => dovecot.openConnections() === 0, 5_000, 'IMAP connection closed');
    expect(await lockIsFree(support.id)).toBe(true);
    await notImportedWithin(SUPPORT.user, 3_000);
    expect((await conversationsOf(support.id)).length).toBe(before.length);
    expect((await admin.request('GET', `/api/inboxes/${support.id}`)).status).toBe(404);
  });

  it('deleting the history takes the typed name, then removes conversations, files and their events', async () => {
    const body = emailInboxBody(dovecot, smtp, {
      fromAddress: SALES.user,
      imap: { host: dovecot.host, port: dovecot.port, security: 'none', user: SALES.user },
    });
    body.name = 'Sales mail';
    body.secrets.imapPassword = SALES.password;
    const sales = await admin.ok<InboxDto>('POST', '/api/inboxes', body);
    const mails = [
      mailWithAttachment('Order 1', 'The secret words of order one'),
      customerMail({
        subject: 'Order 2',
        text: 'The secret words of order two',
        from: 'b@x.example',
      }),
      customerMail({
        subject: 'Order 3',
        text: 'The secret words of order three',
        from: 'c@x.example',
      }),
    ];
    for (const mail of mails) await append(SALES.user, mail);
    const stored = await Promise.all(mails.map((m) => waitForMessage(api.dataSource, m.messageId)));
    const conversationIds = [...new Set(stored.map((m) => m.conversationId))];
    expect(conversationIds).toHaveLength(3);
    const fileIds = stored.flatMap((m) => m.attachments.map((a) => a.id));
    expect(fileIds).toHaveLength(1);
    const [file] = await api.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds) });
    const storageDir = api.app.get<AppConfig>(APP_CONFIG).STORAGE_DIR;
    const bytesPath = join(storageDir, file?.storageKey ?? 'missing');
    expect(existsSync(bytesPath)).toBe(true);
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, adminToken);

    try {
      // Wrong, partial or missing confirmation: refused, nothing removed or deleted.
      for (const confirmName of ['Sales', 'sales mail', undefined]) {
        const refused = await admin.request('DELETE', `/api/inboxes/${sales.id}`, {
          deleteHistory: true,
          confirmName,
        });
        expect(refused.status).toBe(400);
      }
      expect((await admin.request('GET', `/api/inboxes/${sales.id}`)).status).toBe(200);
      const still = customerMail({ subject: 'Still syncing', text: 'yes', from: 'd@x.example' });
      await append(SALES.user, still);
      const stillStored = await waitForMessage(api.dataSource, still.messageId);
      conversationIds.push(stillStored.conversationId);

      const removed = await admin.request('DELETE', `/api/inboxes/${sales.id}`, {
        deleteHistory: true,
        confirmName: 'Sales mail',
      });
      expect(removed.body).toEqual({ removed: true, historyDeleted: true });
      await eventually(
        async () => (await conversationsOf(sales.id)).length === 0,
        30_000,
        'the history to be deleted',
      );
      expect(await api.dataSource.getRepository(MessageEntity).countBy({ inboxId: sales.id })).toBe(
        0,
      );
      expect(
        await api.dataSource.getRepository(StoredFileEntity).countBy({ id: In(fileIds) }),
      ).toBe(0);
      await eventually(async () => !existsSync(bytesPath), 10_000, 'the stored bytes deleted');
      // The log keeps its cursors, but no event of those conversations carries their content.
      const events = await api.dataSource
        .getRepository(EventEntity)
        .findBy({ conversationId: In(conversationIds) });
      expect(events.length).toBeGreaterThan(0);
      expect(new Set(events.map((e) => e.type))).toEqual(new Set(['conversation.deleted']));
      const all = await api.dataSource.getRepository(EventEntity).find();
      expect(JSON.stringify(all.map((e) => e.payload))).not.toContain('secret words');
      // Screens that show them hear it live.
      await socket.waitFor((received) => {
        const gone = received.filter((e) => e.type === 'conversation.deleted');
        return conversationIds.every((id) =>
          gone.some((e) => (e.payload as { conversationId: string }).conversationId === id),
        );
      }, 10_000);
      // The purge's last step, after the conversations: the sync records go in a transaction of
      // their own, and then the purge lets go of the inbox's lock (it failed here when read at once).
      await eventually(
        async () =>
          (await api.dataSource
            .getRepository(EmailSyncStateEntity)
            .countBy({ inboxId: sales.id })) === 0 && (await lockIsFree(sales.id)),
        10_000,
        'the sync state deleted and the purge done',
      );
      expect(
        await api.dataSource.getRepository(EmailSyncStateEntity).countBy({ inboxId: sales.id }),
      ).toBe(0);
      // The sync is gone with it, and the other (removed, history kept) inbox kept its history.
      expect(await lockIsFree(sales.id)).toBe(true);
      await notImportedWithin(SALES.user, 2_000);
      expect((await conversationsOf(support.id)).length).toBeGreaterThan(0);
      const audit = await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log');
      expect(audit.items.find((e) => e.target?.id === sales.id)?.details).toMatchObject({
        history: 'deleted',
      });
    } finally {
      socket.close();
    }
  });
});
