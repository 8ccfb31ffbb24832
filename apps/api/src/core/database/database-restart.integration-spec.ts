import type { StreamEvent } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createApiInbox,
  loginAs,
  OwnedPostgres,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
} from '@switchboard/testing';
import { Client } from 'pg';
import { MessageEntity } from '../../modules/messages/entities/message.entity';

const MESSAGES = 240;
const SENDERS = 8;

/**
 * PostgreSQL goes away under load, twice (an orderly restart and a crash): the API answers 503
 * meanwhile (never 500), reconnects by itself, stores every redelivered webhook exactly once, and
 * the operator's socket carries on with every event, in order, without a reload.
 */
describe('surviving a PostgreSQL restart', () => {
  let pg: OwnedPostgres;
  let api: TestApi;
  let admin: ApiClient;

  beforeAll(async () => {
    pg = await OwnedPostgres.create();
    const c = new Client({ connectionString: pg.url() });
    await c.connect();
    await c.query('CREATE DATABASE switchboard');
    await c.end();
    // Every refused request during the outage is logged as an error by design: keep the run readable.
    api = await startTestApi({ databaseUrl: pg.url('switchboard'), env: { LOG_LEVEL: 'fatal' } });
    admin = (await loginAs(api.baseUrl)).client;
  });

  afterAll(async () => {
    await api?.close();
    await pg?.destroy();
  });

  it('answers 503 while it is down, then loses and duplicates nothing', async () => {
    const { inbox, signingSecret } = await createApiInbox(admin, 'Storm');
    const token = (await loginAs(api.baseUrl)).login.token;
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    const statuses = new Map<number, number>();
    let acknowledged = 0;
    let lastError = '';

    // A provider that redelivers every webhook until it gets a 200, as real ones do.
    const deliver = async (i: number) => {
      const customer = new ApiChannelCustomer(api.baseUrl, inbox.id, signingSecret, {
        id: `storm-${i % 30}`,
        name: `Storm customer ${i % 30}`,
      });
      for (const deadline = Date.now() + 90_000; ;) {
        const status = await customer
          .say(`storm message ${i}`, `storm-${i}`)
          .then((r) => r.status)
          .catch((err: Error) => {
            lastError = `${err.message} ${String((err as { cause?: unknown }).cause)}`;
            return 0;
          });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 200) return void acknowledged++;
        if (Date.now() > deadline)
          throw new Error(`message ${i} never accepted (last ${status} ${lastError})`);
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    let next = 0;
    const storm = Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < MESSAGES) await deliver(next++);
      }),
    );

    const outage = async (mode: 'fast' | 'crash', at: number) => {
      while (acknowledged < at) await new Promise((r) => setTimeout(r, 20));
      await pg.stop(mode);
      const health = await fetch(`${api.baseUrl}/api/health`);
      const list = await admin.request('GET', '/api/conversations?status=open');
      await new Promise((r) => setTimeout(r, 1500));
      await pg.start();
      return { health: health.status, list: list.status };
    };
    const orderly = await outage('fast', MESSAGES / 3);
    const crash = await outage('crash', (2 * MESSAGES) / 3);
    await storm;

    expect(orderly).toEqual({ health: 503, list: 503 });
    expect(crash).toEqual({ health: 503, list: 503 });
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);

    // Stored once each.
    const stored = await api.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select('m.external_id', 'externalId')
      .addSelect('count(*)::int', 'n')
      .where(`m.inbox_id = :inboxId AND m.kind = 'message'`, { inboxId: inbox.id })
      .groupBy('m.external_id')
      .getRawMany<{ externalId: string; n: number }>();
    expect(stored).toHaveLength(MESSAGES);
    expect(stored.filter((r) => r.n !== 1)).toEqual([]);

    // The same socket saw every message once, with gap-free cursors, and never had to reload.
    const texts = (events: StreamEvent[]) =>
      events.flatMap((e) => (e.type === 'message.created' ? [e.payload.message.text ?? ''] : []));
    await socket.waitFor((events) => texts(events).length >= MESSAGES, 30_000);
    expect(new Set(texts(socket.events)).size).toBe(MESSAGES);
    expect(texts(socket.events)).toHaveLength(MESSAGES);
    socket.events.forEach((e, i) => {
      if (i > 0) expect(e.cursor).toBe(socket.events[i - 1]!.cursor + 1);
    });
    expect(socket.resets).toEqual([]);
    expect(socket.socket.connected).toBe(true);
    socket.close();
  });
});
