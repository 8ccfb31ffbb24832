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
import { SIGNATURE_HEADER, signApiPayload, TIMESTAMP_HEADER } from '@switchboard/channels-api';
import { Client } from 'pg';
import { In } from 'typeorm';
import { MessageEntity } from '../../../modules/messages/entities/message.entity';

const CONCURRENCY = 2;
const QUEUE = 4;
const FLOOD = 40;

interface Answer {
  externalId: string;
  status: number;
  retryAfter: string | null;
  code: unknown;
  ms: number;
  at: number;
}

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

  async function send(externalId: string, from = customer.customer): Promise<Answer> {
    const started = performance.now();
    const payload = { messages: [{ id: externalId, from, text: `flood ${externalId}` }] };
    // ApiChannelCustomer.post reads no headers: sign and send the same way, keeping Retry-After.
    const res = await rawPost(customer, JSON.stringify(payload));
    const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
    const at = performance.now();
    return {
      externalId,
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      code: body?.code,
      ms: at - started,
      at,
    };
  }

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
      let timer: NodeJS.Timeout | undefined;
      const firstAnswers = await Promise.race([
        waitForCount(all, FLOOD - CONCURRENCY - QUEUE),
        new Promise<null>((r) => (timer = setTimeout(() => r(null), 15_000))),
      ]);
      clearTimeout(timer);
      expect(firstAnswers).not.toBeNull();

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

/** Resolves once `count` of the promises have settled with a non-200 answer. */
function waitForCount(answers: Promise<Answer>[], count: number): Promise<Answer[]> {
  return new Promise((resolve) => {
    const refused: Answer[] = [];
    for (const p of answers)
      void p.then((a) => {
        if (a.status === 200) return;
        refused.push(a);
        if (refused.length === count) resolve(refused);
      });
  });
}

function rawPost(customer: ApiChannelCustomer, body: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(`${customer.baseUrl}/api/webhooks/${customer.inboxId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: String(ts),
      [SIGNATURE_HEADER]: signApiPayload(customer.signingSecret, ts, body),
    },
    body,
  });
}
