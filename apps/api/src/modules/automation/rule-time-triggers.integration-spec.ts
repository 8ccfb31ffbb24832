import type { ConversationSummaryDto, Page } from '@switchboard/contracts';
import { Client } from 'pg';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { AutomationRunEntity } from './entities/automation-run.entity';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * "No operator reply for N minutes": escalates each waiting conversation exactly once with two
 * instances on one database, once after downtime, and again after a new customer message.
 * The wait is made by moving the customer's message back in time in the database.
 */
describe('automation time triggers', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let customer: ApiChannelCustomer;
  let ruleId: string;

  const runs = (conversationId: string) =>
    api.dataSource.getRepository(AutomationRunEntity).countBy({ ruleId, conversationId });
  const waitTwoMinutes = (id: string) =>
    api.dataSource
      .getRepository(ConversationEntity)
      .createQueryBuilder()
      .update()
      .set({ lastIncomingAt: () => `last_incoming_at - interval '2 minutes'` })
      .where('id = :id', { id })
      .execute();
  const open = async (text: string, from: string) => {
    await customer.say(text, undefined, { id: from, name: from });
    const page = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    return page.items.find((c) => c.lastMessagePreview === text)!.id;
  };
  const priority = async (id: string) =>
    (await api.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id })).priority;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    customer = (await createApiInbox(admin)).customer;
    ruleId = (
      await admin.ok<{ id: string }>('POST', '/api/automation/rules', {
        name: 'Escalate',
        trigger: { kind: 'time', after: 'no_operator_reply', minutes: 1 },
        actions: [
          { type: 'set_priority', priority: 'urgent' },
          { type: 'add_note', text: 'Waiting for a minute: escalated' },
        ],
      })
    ).id;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('escalates exactly once with two instances, and again after a new customer message', async () => {
    const second = await startTestApi({ databaseUrl: db.url });
    try {
      const ids = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((n) => open(`help ${n}`, `cust-${n}`)),
      );
      await sleep(1_200);
      expect(await Promise.all(ids.map(runs))).toEqual([0, 0, 0, 0, 0]);
      const dueAt = Date.now();
      await Promise.all(ids.map(waitTwoMinutes));
      await eventually(async () => (await Promise.all(ids.map(runs))).every((n) => n === 1), 5_000);
      expect(Date.now() - dueAt).toBeLessThan(5_000);
      await sleep(2_000);
      expect(await Promise.all(ids.map(runs))).toEqual([1, 1, 1, 1, 1]);
      expect(await priority(ids[0]!)).toBe('urgent');
      // A new message re-arms it.
      await customer.say('still there?', undefined, { id: 'cust-a', name: 'cust-a' });
      await waitTwoMinutes(ids[0]!);
      await eventually(async () => (await runs(ids[0]!)) === 2, 5_000);
    } finally {
      await second.close();
    }
  });

  it('fires for a conversation that becomes due long after its moment (woken from a snooze)', async () => {
    // X waited 10 minutes unanswered, but snoozed: not due while snoozed.
    const x = await open('snoozed while waiting', 'cust-x');
    await api.dataSource
      .getRepository(ConversationEntity)
      .createQueryBuilder()
      .update()
      .set({ lastIncomingAt: () => `last_incoming_at - interval '10 minutes'` })
      .where('id = :id', { id: x })
      .execute();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await admin.ok('POST', `/api/conversations/${x}/snooze`, { until: inAnHour });
    // Y fires meanwhile: the rule's watermark moves 8 minutes past X's moment.
    const y = await open('waiting meanwhile', 'cust-y');
    await waitTwoMinutes(y);
    await eventually(async () => (await runs(y)) === 1, 5_000);
    expect(await runs(x)).toBe(0);
    // Woken by hand, still unanswered: due at once, fired within 5 s, once.
    await admin.ok('POST', `/api/conversations/${x}/unsnooze`);
    const woke = Date.now();
    await eventually(async () => (await runs(x)) === 1, 6_000);
    expect(Date.now() - woke).toBeLessThan(5_000);
  });

  it('fires once at start for a moment that came while every instance was down', async () => {
    const id = await open('anyone?', 'cust-down');
    await api.close();
    // Every instance is down: the customer's wait passes with nobody watching.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(
      `UPDATE conversations SET last_incoming_at = last_incoming_at - interval '2 minutes' WHERE id = $1`,
      [id],
    );
    await pg.end();
    api = await startTestApi({ databaseUrl: db.url });
    // From the moment it serves: how long the server takes to boot is not the trigger's delay.
    const restartedAt = Date.now();
    await eventually(async () => (await runs(id)) === 1, 5_000);
    expect(Date.now() - restartedAt).toBeLessThan(5_000);
    await sleep(1_500);
    expect(await runs(id)).toBe(1);
  });
});
