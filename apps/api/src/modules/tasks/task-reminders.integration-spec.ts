import type { ConversationSummaryDto, Page, TaskDto } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { NotificationEntity } from '../notifications/entities/notification.entity';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A task's due reminder: the assignee is told at most 2 s late, exactly once with two instances
 * on one database, once after downtime, and again when the due time is moved later.
 */
describe('task due reminders', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let customer: ApiChannelCustomer;
  let agnesId: string;
  let agnesToken: string;
  let conversationId: string;

  /** task_due timeline activities per task, in the order of `taskIds`. */
  const firings = async (taskIds: string[]) => {
    const rows = await api.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select("m.activity->'task'->>'id'", 'taskId')
      .addSelect('count(*)::int', 'n')
      .where("m.activity->>'type' = 'task_due'")
      .andWhere("m.activity->'task'->>'id' IN (:...taskIds)", { taskIds })
      .groupBy("m.activity->'task'->>'id'")
      .getRawMany<{ taskId: string; n: number }>();
    return taskIds.map((id) => rows.find((r) => r.taskId === id)?.n ?? 0);
  };
  const dueNotifications = () =>
    api.dataSource
      .getRepository(NotificationEntity)
      .countBy({ type: 'task_due', operatorId: agnesId });
  const createTask = (title: string, dueAt: string) =>
    admin.ok<TaskDto>('POST', '/api/tasks', {
      title,
      assigneeId: agnesId,
      dueAt,
      conversationIds: [conversationId],
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    await api.dataSource.transaction((em) =>
      createOperator(em, account.id, {
        email: 'agnes@test.local',
        name: 'Agnes',
        password: 'agent-password-123',
        role: 'agent',
      }),
    );
    const agnes = await loginAs(api.baseUrl, 'agnes@test.local', 'agent-password-123');
    [agnesId, agnesToken] = [agnes.login.operator.id, agnes.login.token];
    customer = (await createApiInbox(admin)).customer;
    await customer.say('please call me', 'm-1', { id: 'c-1', name: 'Carla' });
    conversationId = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations'))
      .items[0]!.id;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('tells the assignee when it falls due, at most 2 s late, and again after the due time moves later', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, agnesToken);
    const dueAt = inSeconds(2.5);
    const task = await createTask('Call Carla', dueAt);
    const isDue = (e: (typeof socket.events)[number]) =>
      e.type === 'notification.created' && e.payload.notification.type === 'task_due';
    await socket.waitFor((evs) => evs.some(isDue), 6_000);
    const fired = socket.events.find(isDue)!;
    const lateness = Date.parse(fired.at) - Date.parse(dueAt);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(2_000);
    expect(fired.conversationId).toBe(conversationId);
    expect(await firings([task.id])).toEqual([1]);
    const overdue = await admin.ok<Page<TaskDto>>('GET', '/api/tasks?view=overdue');
    expect(overdue.items.map((t) => t.id)).toContain(task.id);

    // Moved later: re-armed, fires once more at the new time.
    const later = inSeconds(2.5);
    await admin.ok('PATCH', `/api/tasks/${task.id}`, { dueAt: later });
    await socket.waitFor((evs) => evs.filter(isDue).length === 2, 8_000);
    expect(Date.parse(socket.events.filter(isDue)[1]!.at) - Date.parse(later)).toBeLessThan(2_000);
    // A task done before it falls due never reminds.
    const done = await createTask('Never mind', inSeconds(2));
    await admin.ok('POST', `/api/tasks/${done.id}/done`);
    await sleep(2_800);
    expect(await firings([task.id, done.id])).toEqual([2, 0]);
    socket.close();
  });

  it('fires each reminder exactly once when two instances run', async () => {
    const second = await startTestApi({ databaseUrl: db.url });
    try {
      const before = await dueNotifications();
      // Far enough ahead that creating all twelve on a loaded machine still lands before it.
      const dueAt = inSeconds(4);
      const ids = (
        await Promise.all(Array.from({ length: 12 }, (_, i) => createTask(`twin ${i}`, dueAt)))
      ).map((t) => t.id);
      await eventually(async () => (await dueNotifications()) - before === ids.length, 10_000);
      await sleep(1_200);
      expect((await dueNotifications()) - before).toBe(ids.length);
      expect(await firings(ids)).toEqual(ids.map(() => 1));
    } finally {
      await second.close();
    }
  });

  it('fires once, at start, for a task that fell due while the API was down', async () => {
    const task = await createTask('Downtime', inSeconds(2));
    const before = await dueNotifications();
    await api.close();
    await sleep(3_000);
    api = await startTestApi({ databaseUrl: db.url });
    // Promptly once the API runs (its boot, slow on a loaded machine, is not what is measured).
    const upAt = Date.now();
    admin = (await loginAs(api.baseUrl)).client;
    await eventually(async () => (await dueNotifications()) > before, 10_000);
    expect(Date.now() - upAt).toBeLessThan(5_000);
    await sleep(1_200);
    expect(await dueNotifications()).toBe(before + 1);
    expect(await firings([task.id])).toEqual([1]);
    const seen = await admin.ok<TaskDto>('GET', `/api/tasks/${task.id}`);
    expect(seen.doneAt).toBeNull();
  });
});
