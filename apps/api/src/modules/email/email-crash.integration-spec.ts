import { Client } from 'pg';
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
import {
  createEmailInbox,
  customerMail,
  eventually,
  SUPPORT,
  useFastEmailSync,
} from './testing/email-test-kit';
import { startApiChildProcess } from './testing/api-child-process';

// Servers start in the hooks; testTimeout in a project config is ignored when jest runs from the
// root config, so the file sets its own.
jest.setTimeout(120_000);

const TOTAL = 120;

describe('email sync: crash, restart and several instances', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  const apis: TestApi[] = [];

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      return Number((await pg.query(sql, params)).rows[0]?.n ?? 0);
    } finally {
      await pg.end();
    }
  };
  const stored = async (api: TestApi) =>
    (
      await api.dataSource.query(
        `SELECT count(*)::int AS n FROM messages WHERE external_id LIKE '<bulk-%'`,
      )
    )[0].n as number;

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    for (let i = 0; i < TOTAL; i++) {
      const mail = customerMail({
        subject: `Bulk ${i}`,
        text: `message ${i}`,
        messageId: `<bulk-${i}@customer.example>`,
        from: `c${i % 7}@customer.example`,
      });
      await dovecot.appendMessage(SUPPORT.user, 'INBOX', mail.source);
    }
  }, 120_000);

  afterAll(async () => {
    for (const api of apis) await api.close().catch(() => undefined);
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('killing the API (SIGKILL) in the middle of a sync and starting it again yields every message exactly once', async () => {
    // The first instance runs in its own process so it can die without any shutdown hook.
    const child = await startApiChildProcess(db.url);
    let inboxId: string;
    try {
      const admin = (await loginAs(child.baseUrl)).client;
      inboxId = (await createEmailInbox(admin, dovecot, smtp)).id;
      const partial = await eventually(async () => {
        const n = await count(
          `SELECT count(*)::int AS n FROM messages WHERE external_id LIKE '<bulk-%'`,
        );
        return n >= 5 && n;
      }, 60_000);
      expect(partial).toBeLessThan(TOTAL);
    } finally {
      await child.kill();
    }

    // The crash window also includes "committed, last_uid not yet advanced": rewind to replay it.
    await count(
      'UPDATE email_sync_states SET last_uid = GREATEST(last_uid - 10, 0) WHERE inbox_id = $1 RETURNING 0 AS n',
      [inboxId],
    );

    // Two instances come back at once: the advisory lock lets only one of them fetch.
    const [a, b] = await Promise.all([
      startTestApi({ databaseUrl: db.url }),
      startTestApi({ databaseUrl: db.url }),
    ]);
    apis.push(a, b);
    await eventually(
      async () => (await stored(a)) === TOTAL && (await stored(a)),
      60_000,
      'all messages',
    );

    const locks = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(locks[0].n).toBe(1);
    const duplicates = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT external_id FROM messages WHERE external_id LIKE '<bulk-%' GROUP BY 1 HAVING count(*) > 1) d`,
    );
    expect(duplicates[0].n).toBe(0);
    const conversations = await a.dataSource.query(`SELECT count(*)::int AS n FROM conversations`);
    expect(conversations[0].n).toBe(TOTAL);
  });
});
