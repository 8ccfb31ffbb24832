import {
  createTestDatabase,
  loginAs,
  startDovecot,
  startSmtpPeer,
  startTestApi,
  type DovecotServer,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { DataSource, Like } from 'typeorm';
import { dataSourceOptions } from '../../core/database/data-source-options';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { EmailSyncStateEntity } from './entities/email-sync-state.entity';
import {
  createEmailInbox,
  customerMail,
  duplicatedExternalIds,
  eventually,
  SUPPORT,
  useFastEmailSync,
} from './testing/email-test-kit';
import { BundledApi, freePort } from '../../testing/bundled-api';
import { sharedApiBundle } from '../../testing/shared-api-bundle';

// Servers and the API bundle (shared with other suites) are made in the hooks; testTimeout in a
// project config is ignored when jest runs from the root config, so the file sets its own.
jest.setTimeout(300_000);

const TOTAL = 120;

describe('email sync: crash, restart and several instances', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let bundleDir: string;
  const apis: TestApi[] = [];
  /** The test's own connection, for while no API of this process is running. */
  let own: DataSource;

  const bulk = { externalId: Like('<bulk-%') };
  const stored = (ds: DataSource) => ds.getRepository(MessageEntity).countBy(bulk);

  beforeAll(async () => {
    useFastEmailSync();
    bundleDir = await sharedApiBundle();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    own = await new DataSource(dataSourceOptions(db.url, 1)).initialize();
    for (let i = 0; i < TOTAL; i++) {
      const mail = customerMail({
        subject: `Bulk ${i}`,
        text: `message ${i}`,
        messageId: `<bulk-${i}@customer.example>`,
        from: `c${i % 7}@customer.example`,
      });
      await dovecot.appendMessage(SUPPORT.user, 'INBOX', mail.source);
    }
  }, 240_000);

  afterAll(async () => {
    for (const api of apis) await api.close().catch(() => undefined);
    await own?.destroy();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('killing the API (SIGKILL) in the middle of a sync and starting it again yields every message exactly once', async () => {
    // The first instance is the production bundle in its own process, so it can die without any
    // shutdown hook.
    const timings = Object.entries(process.env).filter(([k]) => k.startsWith('EMAIL_SYNC_'));
    const child = new BundledApi({
      bundleDir,
      databaseUrl: db.url,
      port: await freePort(),
      env: Object.fromEntries(timings) as Record<string, string>,
    });
    let inboxId: string;
    try {
      await child.start();
      const admin = (await loginAs(child.baseUrl)).client;
      inboxId = (await createEmailInbox(admin, dovecot, smtp)).id;
      const partial = await eventually(async () => {
        const n = await stored(own);
        return n >= 5 && n;
      }, 60_000);
      expect(partial).toBeLessThan(TOTAL);
    } finally {
      await child.dispose();
    }

    // The crash window also includes "committed, last_uid not yet advanced": rewind to replay it.
    await own
      .getRepository(EmailSyncStateEntity)
      .update({ inboxId }, { lastUid: () => 'GREATEST(last_uid - 10, 0)' });

    // Two instances come back at once: the advisory lock lets only one of them fetch.
    const [a, b] = await Promise.all([
      startTestApi({ databaseUrl: db.url }),
      startTestApi({ databaseUrl: db.url }),
    ]);
    apis.push(a, b);
    // A liveness wait, not a speed claim: two fresh instances re-sync on a loaded 2-core runner.
    await eventually(
      async () => (await stored(a.dataSource)) === TOTAL && (await stored(a.dataSource)),
      120_000,
      'all messages',
    );

    // Advisory locks granted in this test's database: the one mailbox lock.
    const locks = await a.dataSource
      .createQueryBuilder()
      .select('count(*)::int', 'n')
      .from('pg_locks', 'l')
      .innerJoin('pg_database', 'd', 'd.oid = l.database')
      .where("l.locktype = 'advisory'")
      .andWhere('l.granted')
      .andWhere('d.datname = current_database()')
      .getRawOne<{ n: number }>();
    expect(locks?.n).toBe(1);
    expect(await duplicatedExternalIds(a.dataSource, bulk)).toHaveLength(0);
    expect(await a.dataSource.getRepository(ConversationEntity).count()).toBe(TOTAL);
  });
});
