import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { InboxLock } from './inbox-lock.repository';

jest.setTimeout(30_000);

describe('InboxLock (PostgreSQL advisory lock on its own connection)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lets one holder per mailbox at a time, and the next one in after release', async () => {
    const inbox = randomUUID();
    const first = await InboxLock.tryAcquire(db.url, inbox);
    expect(first).not.toBeNull();
    expect(await InboxLock.tryAcquire(db.url, inbox)).toBeNull();
    // Another mailbox is independent.
    const other = await InboxLock.tryAcquire(db.url, randomUUID());
    expect(other).not.toBeNull();
    await first?.release();
    const second = await InboxLock.tryAcquire(db.url, inbox);
    expect(second).not.toBeNull();
    await second?.release();
    await other?.release();
  });

  it('frees the lock when the holder dies, and tells the holder it lost it', async () => {
    const inbox = randomUUID();
    const holder = await InboxLock.tryAcquire(db.url, inbox);
    expect(holder).not.toBeNull();
    const lost = new Promise<void>((resolve) => holder?.onLost(resolve));

    // The database ends the holder's session, as it does when the instance crashes.
    const admin = await new DataSource(dataSourceOptions(db.url, 1)).initialize();
    try {
      await admin
        .createQueryBuilder()
        .select('pg_terminate_backend(a.pid)')
        .from('pg_stat_activity', 'a')
        .where('a.application_name = :name', { name: `switchboard-email-sync:${inbox}` })
        .getRawMany();
    } finally {
      await admin.destroy();
    }
    await lost;
    expect(holder?.isLost).toBe(true);
    const next = await InboxLock.tryAcquire(db.url, inbox);
    expect(next).not.toBeNull();
    await next?.release();
    await holder?.release();
  });
});
