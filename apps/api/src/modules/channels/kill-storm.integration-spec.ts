import { randomUUID } from 'node:crypto';
import type { MessageDto, StreamEvent } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  type ApiClient,
  type TestDatabase,
} from '@switchboard/testing';
import { DataSource, In, Like } from 'typeorm';
import { dataSourceOptions } from '../../core/database/data-source-options';
import { MessageEntity } from '../messages/entities/message.entity';
import { OutboundAttemptEntity } from './entities/outbound-attempt.entity';
import { BundledApi, freePort } from '../../testing/bundled-api';
import { sharedApiBundle } from '../../testing/shared-api-bundle';
import { IdempotentReceiver } from '../../testing/idempotent-receiver';

// A bundle build, then a storm of about a minute and a half.
jest.setTimeout(600_000);

const WEBHOOKS = 5_000;
const REPLIES = 200;
const KILLS = 20;
const CUSTOMERS = 250;
/** Share of acknowledged webhooks the provider delivers a second time (at-least-once delivery). */
const REDELIVERED = 0.05;

/** No webhook or reply acknowledged for this long: the storm is stuck, and says where. */
const STALL_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * The kill -9 storm: the production bundle is SIGKILLed at random points 20 times and started
 * again, while a provider delivers 5,000 webhooks (retrying whatever got no 2xx, and delivering some
 * twice anyway) and an operator sends 200 replies (retrying a request that got no answer, with its
 * clientMessageId) to an integrator that honours idempotency keys. An operator's live stream
 * reconnects with its cursor after every crash. At the end every message is stored once, every
 * reply exists once and reached the integrator once (a repeated request only for a reply the
 * server itself showed as "delivery uncertain" and that was deliberately resent), and the stream
 * carried every message without repeating an event.
 */
describe('kill -9 storm', () => {
  const receiver = new IdempotentReceiver(150);
  let db: TestDatabase;
  let api: BundledApi;
  let own: DataSource;
  let admin: ApiClient;
  let token: string;
  let customer: ApiChannelCustomer;

  beforeAll(async () => {
    const [bundleDir] = await Promise.all([sharedApiBundle(), receiver.start()]);
    db = await createTestDatabase();
    api = new BundledApi({
      bundleDir,
      databaseUrl: db.url,
      port: await freePort(),
      env: {
        // A send is given 1 s, its lease 6 s: crashed attempts settle within the test.
        OUTBOUND_ATTEMPT_TIMEOUT_MS: '1000',
        // A job whose process died is run again within seconds instead of minutes.
        QUEUE_MAINTENANCE_INTERVAL_SECONDS: '2',
      },
    });
    await api.start();
    own = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    customer = (await createApiInbox(admin, 'Storm', { outboundUrl: receiver.url })).customer;
  });

  afterAll(async () => {
    await api?.dispose();
    await own?.destroy();
    await db?.drop();
    await receiver.stop();
  });

  it('stores every message once and sends every reply once while the API is killed 20 times', async () => {
    const problems: string[] = [];
    let acked = 0;
    let webhookRetries = 0;
    let stopped = false;
    /** Where the storm stands, for the failure message if it stalls. */
    const trace = { lastProgressAt: Date.now(), chaos: 'starting', webhook: '', reply: '' };
    const answered = (res: { status: number; body: unknown } | null) =>
      res ? `${res.status} ${JSON.stringify(res.body).slice(0, 300)}` : 'no answer';

    /** Posts until the API answers 2xx, as a provider does; a 4xx or a 500 is a defect. */
    async function deliver(i: number): Promise<void> {
      const from = { id: `storm-customer-${i % CUSTOMERS}`, name: `Customer ${i % CUSTOMERS}` };
      for (;;) {
        const res = await customer
          .post({ messages: [{ id: `storm-${i}`, from, text: `Message ${i}` }] })
          .catch(() => null);
        trace.webhook = `${i}: ${answered(res)}`;
        if (res && res.status >= 200 && res.status < 300) {
          trace.lastProgressAt = Date.now();
          return;
        }
        if (res && res.status !== 503) {
          problems.push(`webhook ${i}: ${res.status} ${JSON.stringify(res.body)}`);
          return;
        }
        webhookRetries++;
        await sleep(jitter(50, 250));
      }
    }

    const redeliveries: Promise<void>[] = [];
    async function provider(worker: number, workers: number): Promise<void> {
      for (let i = worker; i < WEBHOOKS; i += workers) {
        await deliver(i);
        acked++;
        if (Math.random() < REDELIVERED)
          redeliveries.push(sleep(jitter(0, 3_000)).then(() => deliver(i)));
      }
    }

    const replyIds = new Map<string, string>(); // clientMessageId → message id
    async function operator(): Promise<void> {
      for (let r = 0; r < REPLIES; r++) {
        // Replies spread over the storm: reply r follows webhook r × 24 once it is stored.
        const about = Math.floor((r * WEBHOOKS) / (REPLIES + 8));
        while (acked <= about) await sleep(20);
        const inbound = await eventually(
          () =>
            own
              .getRepository(MessageEntity)
              .findOneBy({ externalId: `storm-${about}`, direction: 'incoming' }),
          10_000,
        );
        const clientMessageId = randomUUID();
        for (;;) {
          const res = await admin
            .request<MessageDto>('POST', `/api/conversations/${inbound.conversationId}/messages`, {
              text: `Reply ${r}`,
              clientMessageId,
            })
            .catch(() => null);
          trace.reply = `${r}: ${answered(res)}`;
          if (res && res.status >= 200 && res.status < 300) {
            replyIds.set(clientMessageId, res.body.id);
            trace.lastProgressAt = Date.now();
            break;
          }
          // 409: the same clientMessageId is being stored by a request the crash cut short.
          if (res && res.status !== 503 && res.status !== 409) {
            problems.push(`reply ${r}: ${res.status} ${JSON.stringify(res.body)}`);
            break;
          }
          await sleep(jitter(50, 250));
        }
      }
    }

    /** An operator's stream that reconnects with its cursor after every crash. */
    const streamed: StreamEvent[] = [];
    let connections = 0;
    let cursor: number | undefined;
    async function connect(): Promise<RecordingOperatorSocket | null> {
      const socket = await RecordingOperatorSocket.connect(api.baseUrl, token, cursor).catch(
        () => null,
      );
      if (!socket) return null;
      connections++;
      const take = (e: StreamEvent) => {
        streamed.push(e);
        cursor = e.cursor;
      };
      cursor ??= socket.ready?.cursor;
      socket.events.forEach(take);
      socket.socket.on('stream.event', take);
      socket.socket.on('stream.reset', (r) => problems.push(`stream reset: ${r.reason}`));
      return socket;
    }
    async function stream(first: RecordingOperatorSocket): Promise<void> {
      let socket: RecordingOperatorSocket | null = first;
      while (!stopped) {
        if (!socket) {
          await sleep(100);
          socket = await connect();
          continue;
        }
        const live = socket;
        await new Promise<void>((resolve) => {
          const check = setInterval(() => stopped && resolve(), 100);
          live.socket.once('disconnect', () => resolve());
          live.socket.once('disconnect', () => clearInterval(check));
        });
        live.close();
        socket = null;
      }
    }

    /** Kill k lands at a random point of the k-th of 21 equal slices of the webhook flow. */
    let kills = 0;
    async function chaos(): Promise<void> {
      for (let k = 0; k < KILLS; k++) {
        const at = Math.floor(((k + Math.random()) * WEBHOOKS) / (KILLS + 1));
        trace.chaos = `waiting for webhook ${at} before kill ${k + 1}`;
        while (acked < at) await sleep(10);
        trace.chaos = `kill ${k + 1}`;
        await api.kill();
        kills++;
        trace.chaos = `restart ${k + 1}`;
        await api.start();
        trace.chaos = `running after restart ${k + 1}`;
      }
    }

    const first = await connect();
    if (!first) throw new Error('no operator stream');
    const streaming = stream(first);
    const workers = 16;
    let watchdog: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      watchdog = setInterval(() => {
        if (Date.now() - trace.lastProgressAt < STALL_MS) return;
        reject(
          new Error(
            `the storm stalled: ${JSON.stringify({ ...trace, acked, kills, replies: replyIds.size })}` +
              `\nlast API output:\n${api.lastOutput.slice(-4_000)}`,
          ),
        );
      }, 1_000);
    });
    try {
      await Promise.race([
        Promise.all([
          chaos(),
          operator(),
          ...Array.from({ length: workers }, (_, w) => provider(w, workers)),
        ]),
        stalled,
      ]);
    } finally {
      clearInterval(watchdog);
    }
    await Promise.all(redeliveries);
    expect(problems).toEqual([]);
    expect(kills).toBe(KILLS);
    expect(api.starts).toBe(KILLS + 1);

    // Every message stored once.
    const inbound = await own.getRepository(MessageEntity).find({
      select: { id: true, externalId: true },
      where: { externalId: Like('storm-%'), direction: 'incoming' },
    });
    expect(inbound).toHaveLength(WEBHOOKS);
    expect(new Set(inbound.map((m) => m.externalId)).size).toBe(WEBHOOKS);

    // Every reply stored once; then each is settled by the server: sent, or uncertain when it died
    // mid-send, which the operator resends on purpose (same idempotency key).
    expect(replyIds.size).toBe(REPLIES);
    const ids = [...replyIds.values()];
    const replies = () =>
      own.getRepository(MessageEntity).find({
        select: { id: true, deliveryStatus: true },
        where: { id: In(ids) },
      });
    /** On a timeout: where each unsent reply stands, for the failure message. */
    const unsent = async (err: unknown): Promise<never> => {
      const rows = (await replies()).filter((m) => m.deliveryStatus !== 'sent');
      const attempts = await own.getRepository(OutboundAttemptEntity).find({
        where: { messageId: In(rows.map((m) => m.id)) },
      });
      throw new Error(`${String(err)}: ${JSON.stringify({ rows, attempts })}`);
    };
    const outgoing = await own.getRepository(MessageEntity).countBy({
      clientMessageId: In([...replyIds.keys()]),
    });
    expect(outgoing).toBe(REPLIES);
    const settled = await eventually(
      async () => {
        const rows = await replies();
        return rows.every((m) => m.deliveryStatus !== 'pending') && rows;
      },
      90_000,
      500,
    ).catch(unsent);
    expect(settled.filter((m) => m.deliveryStatus === 'failed')).toEqual([]);
    const uncertain = settled.filter((m) => m.deliveryStatus === 'uncertain').map((m) => m.id);
    for (const id of uncertain) await admin.ok('POST', `/api/messages/${id}/resend`, {});
    await eventually(
      async () => (await replies()).every((m) => m.deliveryStatus === 'sent'),
      60_000,
      500,
    ).catch(unsent);

    // Every reply reached the integrator, once; a repeated request only for a resent one.
    expect([...receiver.processed.keys()].sort()).toEqual([...ids].sort());
    const repeated = ids.filter((id) => receiver.requestsFor(id) > 1);
    expect(repeated.filter((id) => !uncertain.includes(id))).toEqual([]);

    // The event log holds every message: a fresh stream from the start replays all of them.
    const created = (events: StreamEvent[]) =>
      new Set(events.flatMap((e) => (e.type === 'message.created' ? [e.payload.message.id] : [])));
    const complete = (seen: Set<string>) =>
      inbound.every((m) => seen.has(m.id)) && ids.every((id) => seen.has(id));
    const replay = await RecordingOperatorSocket.connect(api.baseUrl, token, 0);
    try {
      await replay.waitFor((events) => complete(created(events)), 30_000);
    } finally {
      replay.close();
    }
    // The live stream, resumed with its cursor after every crash, carried them too. (It once
    // seemed to miss events across a reconnect: the test's client waited for ever for a
    // 'stream.ready' that a server killed mid catch-up never sent, and stopped listening.)
    await eventually(async () => complete(created(streamed)), 30_000).catch(() => {
      const seen = created(streamed);
      const missed =
        inbound.filter((m) => !seen.has(m.id)).length + ids.filter((id) => !seen.has(id)).length;
      throw new Error(`the live stream missed ${missed} messages`);
    });
    stopped = true;
    await streaming;
    const cursors = streamed.map((e) => e.cursor);
    expect(cursors.every((c, i) => i === 0 || c > (cursors[i - 1] ?? 0))).toBe(true);
    // Kills that came faster than a reconnect count once.
    expect(connections).toBeGreaterThan(KILLS / 2);

    process.stdout.write(
      `kill -9 storm: ${kills} kills, ${webhookRetries} webhook retries, ` +
        `${redeliveries.length} redeliveries, ${uncertain.length} replies uncertain and resent, ` +
        `${receiver.requests.length - REPLIES} repeated requests, ${connections} stream connections\n`,
    );
  });
});
