import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { MailboxLock } from './mailbox-lock.repository';

jest.setTimeout(30_000);

describe('MailboxLock (PostgreSQL advisory lock on its own connection)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lets one holder per mailbox at a time, and the next one in after release', async () => {
    const inbox = randomUUID();
    const first = await MailboxLock.tryAcquire(db.url, inbox);
    expect(first).not.toBeNull();
    expect(await MailboxLock.tryAcquire(db.url, inbox)).toBeNull();
    // Another mailbox is independent.
    const other = await MailboxLock.tryAcquire(db.url, randomUUID());
    expect(other).not.toBeNull();
    await first?.release();
    const second = await MailboxLock.tryAcquire(db.url, inbox);
    expect(second).not.toBeNull();
    await second?.release();
    await other?.release();
  });

  it('frees the lock when the holder dies, and tells the holder it lost it', async () => {
    const inbox = randomUUID();
    const holder = await MailboxLock.tryAcquire(db.url, inbox);
    expect(holder).not.toBeNull();
    const lost = new Promise<void>((resolve) => holder?.onLost(resolve));

    // The database ends the holder's session, as it does when the instance crashes.
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
        [`switchboard-email-sync:${inbox}`],
      );
    } finally {
      await admin.end();
    }
    await lost;
    expect(holder?.isLost).toBe(true);
    const next = await MailboxLock.tryAcquire(db.url, inbox);
    expect(next).not.toBeNull();
    await next?.release();
    await holder?.release();
  });
});
