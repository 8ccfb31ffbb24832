import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiChannelCustomer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { Client } from 'pg';
import { In } from 'typeorm';
import { MessageEntity } from '../../../modules/messages/entities/message.entity';
import { firstRefusals, sendFloodMessage } from './testing/admission-flood';

const CONCURRENCY = 2;
const QUEUE = 4;
const FLOOD = 40;

/**
 * Admission control on the ingest routes: a flood far above INGEST_CONCURRENCY + INGEST_QUEUE is
 * refused at the door while the admitted ingests are held up in PostgreSQL (a lock on messages),
 * so a refusal provably waits for nothing; every 200 is exactly one stored message, no refused one
 * is stored, health answers throughout, and a normal webhook is quick again right after.
 */
describe('ingest admission control', () => {
  let db: TestDatabase;
  let api: TestApi;
  let customer: ApiChannelCustomer;
  const messages = () => api.dataSource.getRepository(MessageEntity);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({
      databaseUrl: db.url,
      env: {
        INGEST_CONCURRENCY: String(CONCURRENCY),
        INGEST_QUEUE: String(QUEUE),
        // Only the queue's length decides here; the wait budget has its own unit spec.
        INGEST_MAX_WAIT_MS: '60000',
      },
    });
    customer = (await createApiInbox((await loginAs(api.baseUrl)).client)).customer;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const send = (externalId: string, from = customer.customer) =>
    sendFloodMessage(customer, externalId, { from });

  it('refuses the excess at once and stores exactly what it acknowledged', async () => {
    // A first message warms the inbox's caches and opens the conversation.
    expect((await customer.say('warm-up', `warm-${randomUUID()}`)).status).toBe(200);
    const lock = new Client({ connectionString: db.url });
    await lock.connect();
    let unlockedAt = Infinity;
    try {
      // Inserts into messages wait for this lock: admitted ingests hold their slots meanwhile.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE messages IN EXCLUSIVE MODE');
      const ids = Array.from({ length: FLOOD }, (_, i) => `flood-${i}-${randomUUID()}`);
      const all = ids.map((id) => send(id));
      // Every request beyond the slots and the queue is answered while the lock is still held.
      const firstAnswers = await firstRefusals(all, FLOOD - CONCURRENCY - QUEUE, 15_000);
      expect(firstAnswers).toHaveLength(FLOOD - CONCURRENCY - QUEUE);

      // The widget's message route is behind the same door (refused before its token is read).
      const widget = await fetch(`${api.baseUrl}/api/widget/${randomUUID()}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hello' }),
      });
      expect(widget.status).toBe(503);
      expect(widget.headers.get('retry-after')).toBe('1');

      // Health and operator routes keep their connections while every ingest slot is taken.
      const health = performance.now();
      expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
      expect(performance.now() - health).toBeLessThan(1_000);

      await lock.query('COMMIT');
      unlockedAt = performance.now();
      const answers = await Promise.all(all);

      const ok = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status !== 200);
      expect(ok).toHaveLength(CONCURRENCY + QUEUE);
      expect(refused).toHaveLength(FLOOD - CONCURRENCY - QUEUE);
      for (const r of refused) {
        expect(r).toMatchObject({ status: 503, retryAfter: '1', code: 'OVERLOADED' });
        // Refused while the admitted ones were still stuck behind the lock: it waited for nothing.
        expect(r.at).toBeLessThan(unlockedAt);
        expect(r.ms).toBeLessThan(2_000);
      }
      const stored = await messages().findBy({ externalId: In(ids) });
      expect(stored.map((m) => m.externalId).sort()).toEqual(ok.map((a) => a.externalId).sort());
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    }

    // Back to normal at once: a new customer's first message goes straight through.
    const after = await send(`after-${randomUUID()}`, { id: `new-${randomUUID()}`, name: 'New' });
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(1_000);
    expect(await messages().countBy({ externalId: after.externalId })).toBe(1);
  });
});
