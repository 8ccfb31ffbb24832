import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../../modules/accounts/entities/account.entity';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from './durable-event-consumers.service';
import { EventConsumerCursorsRepository } from './event-consumer-cursors.repository';
import { EventLogService } from './event-log.service';
import type { PendingEvent } from './pending-event';

/** Records what it handled; what it writes commits with the cursor (a row in `event_consumers`). */
/** One failure shared by the instances: whichever first gets the batch with this cursor fails it. */
interface PlannedFailure {
  cursor: number | null;
}

class RecordingHandler implements DurableEventHandler {
  readonly seen: Array<{ cursor: number; type: string; originRuleId: string | null }> = [];

  constructor(
    readonly consumer: string,
    private readonly instance: string,
    private readonly failure: PlannedFailure,
  ) {}

  async handle(em: EntityManager, _accountId: string, events: ConsumedEvent[]): Promise<void> {
    const failAt = this.failure.cursor;
    if (failAt !== null && events.some((e) => e.event.cursor === failAt)) {
      this.failure.cursor = null;
      throw new Error('handler failure on purpose');
    }
    // Written in the consumer's transaction: rolled back with it if the batch fails.
    await em.query(`INSERT INTO event_consumers (name) VALUES ($1)`, [
      `${this.consumer}:${this.instance}:${events[0]!.event.cursor}`,
    ]);
    for (const e of events) {
      this.seen.push({ cursor: e.event.cursor, type: e.event.type, originRuleId: e.originRuleId });
    }
  }
}

/** The account's last numbered cursor. */
async function headOf(api: TestApi, accountId: string): Promise<number> {
  const rows = (await api.dataSource.query(
    `SELECT cursor FROM account_event_heads WHERE account_id = $1`,
    [accountId],
  )) as Array<{ cursor: string }>;
  return Number(rows[0]!.cursor);
}

/**
 * Durable consumers of the event log: with two instances every committed event is handled once,
 * in cursor order, with the handler's writes committed together with the cursor; a failing batch is
 * handed over again, whole; an event's `originRuleId` reaches the handler.
 */
describe('durable event consumers', () => {
  let db: TestDatabase;
  let one: TestApi;
  let two: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await startTestApi({ databaseUrl: db.url });
    two = await startTestApi({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await two?.close();
    await one?.close();
    await db?.drop();
  });

  it('hands every event to exactly one instance, in order, once, and retries a failed batch', async () => {
    // Whichever instance takes the batch with cursor 3 first fails it; it is handed over again.
    const failure: PlannedFailure = { cursor: 3 };
    const a = new RecordingHandler('test-recorder', 'a', failure);
    const b = new RecordingHandler('test-recorder', 'b', failure);
    one.app.get(DurableEventConsumersService).register(a);
    two.app.get(DurableEventConsumersService).register(b);

    const admin = (await loginAs(one.baseUrl)).client;
    const { customer } = await createApiInbox(admin);
    const account = await one.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        customer.say(`message ${i}`, `m-${i}`, { id: `c-${i % 7}`, name: `Customer ${i % 7}` }),
      ),
    );
    // An event caused by a rule carries its origin to the consumer.
    const ruleId = '00000000-0000-4000-8000-000000000001';
    await one.dataSource.transaction((em) =>
      one.app
        .get(EventLogService)
        .append(em, account.id, [
          { type: 'access.changed', conversationId: null, payload: {}, originRuleId: ruleId },
        ]),
    );
    const head = () => headOf(one, account.id);
    await eventually(async () => a.seen.length + b.seen.length >= (await head()), 15_000);
    await Promise.all([
      one.app.get(DurableEventConsumersService).drain(),
      two.app.get(DurableEventConsumersService).drain(),
    ]);

    const all = [...a.seen, ...b.seen].map((e) => e.cursor).sort((x, y) => x - y);
    const last = await head();
    expect(all).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    // Each instance saw its share in increasing order.
    for (const h of [a, b]) {
      const cursors = h.seen.map((e) => e.cursor);
      expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
    }
    expect([...a.seen, ...b.seen].find((e) => e.type === 'access.changed')?.originRuleId).toBe(
      ruleId,
    );
    // The failed batch's write rolled back; only committed batches left a row.
    expect(failure.cursor).toBeNull();
    const rows = (await one.dataSource.query(
      `SELECT name FROM event_consumers WHERE name LIKE 'test-recorder:%'`,
    )) as Array<{ name: string }>;
    const batchStarts = rows.map((r) => Number(r.name.split(':')[2])).sort((x, y) => x - y);
    expect(new Set(batchStarts).size).toBe(batchStarts.length);
    const cursorRow = (await one.dataSource.query(
      `SELECT cursor FROM event_consumer_cursors WHERE consumer = 'test-recorder' AND account_id = $1`,
      [account.id],
    )) as Array<{ cursor: string }>;
    expect(Number(cursorRow[0]!.cursor)).toBe(last);
  });

  it('keeps payloads exact through the log, and spares a large email HTML to consumers that never read it', async () => {
    const account = await one.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    const events = one.app.get(EventLogService);
    class Keeper implements DurableEventHandler {
      readonly got: ConsumedEvent[] = [];
      constructor(
        readonly consumer: string,
        readonly readsMessageHtml: boolean,
      ) {}
      async handle(_em: EntityManager, _accountId: string, batch: ConsumedEvent[]): Promise<void> {
        this.got.push(...batch);
      }
    }
    const plain = new Keeper('test-html-plain', false);
    const reader = new Keeper('test-html-reader', true);
    one.app.get(DurableEventConsumersService).register(plain);
    one.app.get(DurableEventConsumersService).register(reader);
    await one.app.get(DurableEventConsumersService).drain();

    // Quotes, backslashes, braces and non-Latin text: what the driver would have had to escape.
    const tricky = 'He said "hi" \\ {x} ünïcødé 日本 ,;';
    const big = `<p title="a\\b">${tricky}</p>${'<b class="q">x</b>'.repeat(2_000)}`;
    const payloadOf = (id: string, html: string) => ({
      message: { id, kind: 'message', text: tricky, html },
      conversation: { id: 'c', number: 1 },
    });
    // Shapes the log does not check: the handlers only look at what comes back.
    const pending = [
      { type: 'message.created', conversationId: null, payload: payloadOf('big', big) },
      { type: 'message.created', conversationId: null, payload: payloadOf('small', '<p>hi</p>') },
      { type: 'access.changed', conversationId: null, payload: { note: tricky } },
    ] as unknown as PendingEvent[];
    await one.dataSource.transaction((em) => events.append(em, account.id, pending));
    events.notifyCommitted(account.id);
    await eventually(async () => plain.got.length >= 3 && reader.got.length >= 3, 15_000);

    const shown = (k: Keeper) =>
      k.got.map(({ event }) => (event as unknown as { payload: unknown }).payload);
    expect(shown(reader)).toEqual([
      payloadOf('big', big),
      payloadOf('small', '<p>hi</p>'),
      { note: tricky },
    ]);
    expect(shown(plain)).toEqual([
      payloadOf('big', null as unknown as string),
      payloadOf('small', '<p>hi</p>'),
      { note: tricky },
    ]);
  });

  it('passes an idle handler over events unread, and hands it every event committed after the head it skipped to', async () => {
    const account = await one.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    const consumers = one.app.get(DurableEventConsumersService);
    const log = one.app.get(EventLogService);
    const append = async (n: number, note: string) => {
      const pending = Array.from({ length: n }, () => ({
        type: 'access.changed',
        conversationId: null,
        payload: { note },
      })) as unknown as PendingEvent[];
      // Numbered in its own transaction, so the head moves at its commit.
      await one.dataSource.transaction((em) => log.appendNumbered(em, account.id, pending));
      log.notifyCommitted(account.id);
    };
    const cursorOf = async (consumer: string) =>
      Number(
        (
          (await one.dataSource.query(
            `SELECT cursor FROM event_consumer_cursors WHERE consumer = $1 AND account_id = $2`,
            [consumer, account.id],
          )) as Array<{ cursor: string }>
        )[0]?.cursor ?? -1,
      );
    const headNow = () => headOf(one, account.id);

    /** Idle until its first check has run; that check commits an event (a subscription's first). */
    class Sleeper implements DurableEventHandler {
      readonly consumer = 'test-idle';
      readonly got: ConsumedEvent[] = [];
      checks = 0;
      awake = false;
      async isIdle(): Promise<boolean> {
        this.checks++;
        if (this.awake) return false;
        if (this.checks === 1) {
          // What the check saw was "idle"; the world changed just after, then this event committed.
          this.awake = true;
          await append(1, 'after the check');
        }
        return true;
      }
      async handle(_em: EntityManager, _accountId: string, batch: ConsumedEvent[]): Promise<void> {
        this.got.push(...batch);
      }
    }
    const sleeper = new Sleeper();
    consumers.register(sleeper);
    await consumers.drain();
    await append(250, 'while idle'); // more than two batches' worth
    await eventually(async () => (await cursorOf('test-idle')) >= (await headNow()), 15_000);
    await consumers.drain();

    // The 250 were passed over unread; the event committed after the check's head was not.
    const notes = sleeper.got.map(
      ({ event }) => (event as unknown as { payload: { note: string } }).payload.note,
    );
    expect(notes).toEqual(['after the check']);
    expect(sleeper.got[0]!.event.cursor).toBe(await headNow());
    expect(await cursorOf('test-idle')).toBe(await headNow());

    await append(2, 'awake');
    await eventually(async () => sleeper.got.length === 3, 15_000);
    expect(sleeper.got.map((e) => e.event.cursor)).toEqual([
      sleeper.got[0]!.event.cursor,
      sleeper.got[0]!.event.cursor + 1,
      sleeper.got[0]!.event.cursor + 2,
    ]);
  });
  it('rests an idle handler between passes: a burst of wake-ups costs a check per rest, and its cursor still reaches the head', async () => {
    const account = await one.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    const consumers = one.app.get(DurableEventConsumersService);
    const log = one.app.get(EventLogService);
    class Counter implements DurableEventHandler {
      readonly consumer = 'test-rest';
      checks = 0;
      async isIdle(): Promise<boolean> {
        this.checks++;
        return true;
      }
      async handle(): Promise<void> {
        throw new Error('an idle handler is never handed events');
      }
    }
    const counter = new Counter();
    consumers.register(counter);
    await consumers.drain();
    const before = counter.checks;

    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const pending = [
        { type: 'access.changed', conversationId: null, payload: { i } },
      ] as unknown as PendingEvent[];
      await one.dataSource.transaction((em) => log.appendNumbered(em, account.id, pending));
      log.notifyCommitted(account.id);
    }
    const elapsed = performance.now() - started;
    const head = await headOf(one, account.id);
    await eventually(async () => {
      const rows = (await one.dataSource.query(
        `SELECT cursor FROM event_consumer_cursors WHERE consumer = 'test-rest' AND account_id = $1`,
        [account.id],
      )) as Array<{ cursor: string }>;
      return Number(rows[0]!.cursor) >= head;
    }, 15_000);
    // One check when the burst began, then at most one per 100 ms rest (20 wake-ups otherwise).
    expect(counter.checks - before).toBeLessThanOrEqual(Math.floor(elapsed / 100) + 3);
    expect(counter.checks - before).toBeLessThan(20);
  });

  it('moves an idle cursor without waiting for one another instance holds, and never back', async () => {
    const account = await one.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    const cursors = one.app.get(EventConsumerCursorsRepository);
    await cursors.register('test-skip');
    await one.dataSource.transaction((em) => cursors.claim(em, 'test-skip', account.id));
    const start = (await cursors.position('test-skip', account.id)).cursor!;
    const stored = async () => (await cursors.position('test-skip', account.id)).cursor;

    // Another instance's batch holds the row until it commits: the skip neither waits nor writes.
    const holder = one.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      expect(await cursors.claim(holder.manager, 'test-skip', account.id)).toBe(start);
      const started = performance.now();
      expect(await cursors.skipTo('test-skip', account.id, start + 10)).toBe(false);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    expect(await stored()).toBe(start);

    expect(await cursors.skipTo('test-skip', account.id, start + 10)).toBe(true);
    expect(await stored()).toBe(start + 10);
    // A head read before an advance that committed since: the cursor stays where it is.
    expect(await cursors.skipTo('test-skip', account.id, start + 4)).toBe(true);
    expect(await stored()).toBe(start + 10);
  });
});
