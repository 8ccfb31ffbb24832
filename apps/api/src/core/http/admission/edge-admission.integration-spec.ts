import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startEdgeProxy,
  startTestApi,
  type ApiChannelCustomer,
  type EdgeProxy,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { Client } from 'pg';
import { In } from 'typeorm';
import { MessageEntity } from '../../../modules/messages/entities/message.entity';
import { firstRefusals, sendFloodMessage } from './testing/admission-flood';

const EDGE_LIMIT = 3;
const FLOOD = 15;

/**
 * The production reverse proxy (docker/nginx.conf itself) in front of the API: beyond its
 * in-flight limit on the ingest routes it answers the excess itself, 503 OVERLOADED with
 * Retry-After, while the admitted webhooks are still held up in PostgreSQL (so the refusal waited
 * for nothing on the API); everything else passes through, and every 200 is one stored message.
 */
describe('ingest refusal at the edge (docker/nginx.conf)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let edge: EdgeProxy;
  let customer: ApiChannelCustomer;
  const messages = () => api.dataSource.getRepository(MessageEntity);

  beforeAll(async () => {
    db = await createTestDatabase();
    // The API's own admission control far above the edge's limit: here the edge decides.
    api = await startTestApi({
      databaseUrl: db.url,
      env: { INGEST_CONCURRENCY: '100', INGEST_QUEUE: '100', INGEST_MAX_WAIT_MS: '60000' },
    });
    edge = await startEdgeProxy({
      upstreams: [new URL(api.baseUrl).host],
      ingestLimit: EDGE_LIMIT,
    });
    customer = (await createApiInbox((await loginAs(api.baseUrl)).client)).customer;
  });

  afterAll(async () => {
    await edge?.stop();
    await api?.close();
    await db?.drop();
  });

  const send = (externalId: string) =>
    sendFloodMessage(customer, externalId, { baseUrl: edge.baseUrl });

  it('refuses beyond its limit while the admitted are held, and stores exactly the 200s', async () => {
    // Through the proxy: the API answers, with the request id nginx gave the request.
    const warm = await send(`warm-${randomUUID()}`);
    expect(warm.status).toBe(200);
    expect(warm.requestId).toMatch(/^[0-9a-f]{32}$/);

    const lock = new Client({ connectionString: db.url });
    await lock.connect();
    let unlockedAt = Infinity;
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE messages IN EXCLUSIVE MODE');
      const ids = Array.from({ length: FLOOD }, (_, i) => `edge-${i}-${randomUUID()}`);
      const all = ids.map((id) => send(id));
      const refusedFirst = await firstRefusals(all, FLOOD - EDGE_LIMIT, 15_000);
      expect(refusedFirst).toHaveLength(FLOOD - EDGE_LIMIT);

      // The widget's message route shares the limit: refused by the proxy, not the API.
      const widget = await fetch(`${edge.baseUrl}/api/widget/${randomUUID()}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hello' }),
      });
      expect(widget.status).toBe(503);
      expect(widget.headers.get('retry-after')).toBe('1');
      // Other routes pass while every ingest slot is taken.
      expect((await fetch(`${edge.baseUrl}/api/health`)).status).toBe(200);

      await lock.query('COMMIT');
      unlockedAt = performance.now();
      const answers = await Promise.all(all);
      const ok = answers.filter((a) => a.status === 200);
      const refused = answers.filter((a) => a.status !== 200);
      expect(ok).toHaveLength(EDGE_LIMIT);
      for (const r of refused) {
        // The API's own error body and headers, as a provider's retry logic reads them.
        expect(r).toMatchObject({ status: 503, retryAfter: '1', code: 'OVERLOADED' });
        expect(r.contentType).toMatch(/^application\/json/);
        expect(r.at).toBeLessThan(unlockedAt);
      }
      const stored = await messages().findBy({ externalId: In(ids) });
      expect(stored.map((m) => m.externalId).sort()).toEqual(ok.map((a) => a.externalId).sort());
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    }

    // The slots are free again as soon as the held ones answered.
    const after = await send(`after-${randomUUID()}`);
    expect(after.status).toBe(200);
    expect(await messages().countBy({ externalId: after.externalId })).toBe(1);
  });
});
