import type {
  ApiErrorDto,
  ConversationSummaryDto,
  MessageDto,
  Page,
  TaskDto,
} from '@switchboard/contracts';
import {
  loginAs,
  RecordingOperatorSocket,
  type ApiClient,
  type TestApi,
} from '@switchboard/testing';
import { TaskEntity } from './entities/task.entity';
import { inHours, newTask, startTaskWorld, type TaskWorld } from './testing/task-world';

/**
 * Tasks over real PostgreSQL: made from a message (conversation, customer and message linked),
 * linked to more conversations under the inbox access rule, edited, completed, and listed in the
 * four tabs with keyset pages. Refusals of bad input: task-refusals.integration-spec.ts.
 */
describe('tasks', () => {
  let w: TaskWorld;
  let api: TestApi;
  let admin: ApiClient;
  let adminId: string;
  let agnes: ApiClient;
  let agnesId: string;
  let agnesToken: string;
  let mona: ApiClient;
  let monaId: string;
  let open: ConversationSummaryDto;
  let secret: ConversationSummaryDto;
  let openMessage: MessageDto;
  let secretMessage: MessageDto;

  const timelineOf = (conversationId: string) => w.timelineOf(conversationId);
  const activitiesOf = async (conversationId: string) =>
    (await timelineOf(conversationId)).flatMap((m) => (m.activity ? [m.activity.type] : []));

  beforeAll(async () => {
    w = await startTaskWorld();
    ({ api, admin, adminId, agnes, agnesId, agnesToken, mona, monaId } = w);
    ({ open, secret, openMessage, secretMessage } = w);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('makes a task from a message: conversation, customer and message linked; the assignee is notified; the timeline shows it', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, agnesToken);
    const res = await admin.request<TaskDto>(
      'POST',
      '/api/tasks',
      newTask({
        description: 'She paid twice',
        assigneeId: agnesId,
        fromMessageId: openMessage.id,
      }),
    );
    expect(res.status).toBe(201);
    const task = res.body;
    expect(task).toMatchObject({
      title: 'Call back about the refund',
      description: 'She paid twice',
      assignee: { id: agnesId, name: 'Agnes' },
      createdBy: { id: adminId },
      doneAt: null,
      contact: { id: open.contact.id, name: 'Ann Open' },
      sourceMessageId: openMessage.id,
      conversations: [{ id: open.id, number: open.number, status: 'open' }],
      hiddenConversationCount: 0,
    });
    await socket.waitFor((evs) =>
      evs.some(
        (e) =>
          e.type === 'notification.created' &&
          e.payload.notification.type === 'task_assigned' &&
          e.payload.notification.operatorId === agnesId &&
          e.conversationId === open.id,
      ),
    );
    expect(
      socket.events.some((e) => e.type === 'task.changed' && e.payload.taskId === task.id),
    ).toBe(true);
    socket.close();
    const created = (await timelineOf(open.id)).find((m) => m.activity?.type === 'task_created');
    expect(created?.activity).toMatchObject({
      by: { id: adminId },
      task: { id: task.id, title: task.title },
      assignee: { id: agnesId, name: 'Agnes' },
    });
    const ofConversation = await agnes.ok<TaskDto[]>('GET', `/api/conversations/${open.id}/tasks`);
    expect(ofConversation.map((t) => t.id)).toContain(task.id);
    expect(await agnes.ok<TaskDto>('GET', `/api/tasks/${task.id}`)).toEqual(task);

    // Assigning yourself notifies nobody; several tasks per conversation.
    const before = (await admin.ok<{ unread: number }>('GET', '/api/notifications/unread-count'))
      .unread;
    const own = await admin.ok<TaskDto>(
      'POST',
      '/api/tasks',
      newTask({ title: 'Check the bank', assigneeId: adminId, conversationIds: [open.id] }),
    );
    expect(
      (await admin.ok<{ unread: number }>('GET', '/api/notifications/unread-count')).unread,
    ).toBe(before);
    expect(
      (await admin.ok<TaskDto[]>('GET', `/api/conversations/${open.id}/tasks`)).map((t) => t.id),
    ).toEqual(expect.arrayContaining([task.id, own.id]));
  });

  it('links and unlinks other conversations, under the access rule, and keeps at least one', async () => {
    // Mona's task about the Billing conversation: Agnes cannot see it anywhere.
    const task = await mona.ok<TaskDto>(
      'POST',
      '/api/tasks',
      newTask({ title: 'Fix the invoice', assigneeId: monaId, fromMessageId: secretMessage.id }),
    );
    expect((await agnes.get(`/api/tasks/${task.id}`)).status).toBe(404);
    expect((await agnes.get(`/api/conversations/${secret.id}/tasks`)).status).toBe(404);
    const agnesAll = await agnes.ok<Page<TaskDto>>('GET', '/api/tasks?view=all');
    expect(agnesAll.items.map((t) => t.id)).not.toContain(task.id);
    expect((await agnes.post(`/api/tasks/${task.id}/done`)).status).toBe(404);

    // Linked to a conversation Agnes may see: now she sees the task, never the hidden one.
    const linked = await mona.ok<TaskDto>('POST', `/api/tasks/${task.id}/conversations/${open.id}`);
    expect(linked.conversations.map((c) => c.id)).toEqual([secret.id, open.id]);
    expect(await activitiesOf(open.id)).toContain('task_linked');
    const seen = await agnes.ok<TaskDto>('GET', `/api/tasks/${task.id}`);
    expect(seen.conversations.map((c) => c.id)).toEqual([open.id]);
    expect(seen.hiddenConversationCount).toBe(1);
    // Linking twice changes nothing.
    await mona.ok('POST', `/api/tasks/${task.id}/conversations/${open.id}`);
    expect(
      (await timelineOf(open.id)).filter((m) => m.activity?.type === 'task_linked'),
    ).toHaveLength(1);

    // Agnes may not link or unlink a conversation she cannot see.
    expect(
      (await agnes.request('DELETE', `/api/tasks/${task.id}/conversations/${secret.id}`)).status,
    ).toBe(404);

    expect(
      (await mona.request('DELETE', `/api/tasks/${task.id}/conversations/${open.id}`)).status,
    ).toBe(200);
    expect(await activitiesOf(open.id)).toContain('task_unlinked');
    expect((await agnes.get(`/api/tasks/${task.id}`)).status).toBe(404);
    const last = await mona.request<ApiErrorDto>(
      'DELETE',
      `/api/tasks/${task.id}/conversations/${secret.id}`,
    );
    expect(last.status).toBe(409);
    expect(last.body.message).toMatch(/at least one conversation/);

    // The assignee must be able to work every linked inbox.
    const agnesTask = await admin.ok<TaskDto>(
      'POST',
      '/api/tasks',
      newTask({ assigneeId: agnesId, conversationIds: [open.id] }),
    );
    const refused = await admin.request<ApiErrorDto>(
      'POST',
      `/api/tasks/${agnesTask.id}/conversations/${secret.id}`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'TASK_ASSIGNEE_UNAVAILABLE' });
    expect(refused.body.message).toMatch(/Agnes may not work the inbox of conversation/);
    expect(
      (await admin.ok<TaskDto>('GET', `/api/tasks/${agnesTask.id}`)).conversations.map((c) => c.id),
    ).toEqual([open.id]);
  });

  it('edits, reassigns (notifying the new assignee), completes and reopens, with activities', async () => {
    const task = await admin.ok<TaskDto>(
      'POST',
      '/api/tasks',
      newTask({ title: 'Draft', assigneeId: adminId, conversationIds: [open.id] }),
    );
    const monaSocket = await RecordingOperatorSocket.connect(
      api.baseUrl,
      (await loginAs(api.baseUrl, 'mona@test.local', 'agent-password-123')).login.token,
    );
    const due = inHours(30);
    const edited = await admin.ok<TaskDto>('PATCH', `/api/tasks/${task.id}`, {
      title: 'Final',
      description: 'More detail',
      assigneeId: monaId,
      dueAt: due,
    });
    expect(edited).toMatchObject({
      title: 'Final',
      description: 'More detail',
      assignee: { id: monaId },
      dueAt: new Date(due).toISOString(),
    });
    await monaSocket.waitFor((evs) =>
      evs.some(
        (e) => e.type === 'notification.created' && e.payload.notification.type === 'task_assigned',
      ),
    );
    monaSocket.close();
    // Naming the assignee it has already is no reassignment (and no error).
    expect(
      (await admin.ok<TaskDto>('PATCH', `/api/tasks/${task.id}`, { assigneeId: monaId })).assignee
        .id,
    ).toBe(monaId);
    const done = await mona.ok<TaskDto>('POST', `/api/tasks/${task.id}/done`);
    expect(done.doneAt).not.toBeNull();
    expect((await mona.ok<TaskDto>('POST', `/api/tasks/${task.id}/done`)).doneAt).toBe(done.doneAt);
    const reopened = await admin.ok<TaskDto>('POST', `/api/tasks/${task.id}/reopen`);
    expect(reopened.doneAt).toBeNull();
    const types = await activitiesOf(open.id);
    expect(types.filter((t) => t === 'task_done')).toHaveLength(1);
    expect(types).toContain('task_reopened');
  });

  it('lists the four tabs with keyset pages: mine, all, overdue, done', async () => {
    const make = (title: string, assigneeId: string, hours: number) =>
      mona.ok<TaskDto>(
        'POST',
        '/api/tasks',
        newTask({ title, assigneeId, conversationIds: [open.id], dueAt: inHours(hours) }),
      );
    const m1 = await make('mine later', monaId, 5);
    const m2 = await make('mine sooner', monaId, 1);
    const late = await make('late one', monaId, 3);
    // Fell due an hour ago (written directly: the API refuses a due time in the past).
    await api.dataSource
      .getRepository(TaskEntity)
      .update({ id: late.id }, { dueAt: new Date(Date.now() - 3_600_000), remindedAt: new Date() });
    const finished = await make('finished', monaId, 2);
    await mona.ok('POST', `/api/tasks/${finished.id}/done`);

    const pages = async (client: ApiClient, view: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<TaskDto> = await client.ok<Page<TaskDto>>(
          'GET',
          `/api/tasks?view=${view}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        ids.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    const mine = await pages(mona, 'mine');
    expect(mine.filter((id) => [m1.id, m2.id, late.id].includes(id))).toEqual([
      late.id,
      m2.id,
      m1.id,
    ]);
    expect(mine).not.toContain(finished.id);
    expect(await pages(mona, 'overdue')).toEqual([late.id]);
    expect((await pages(mona, 'done'))[0]).toBe(finished.id);
    const all = await pages(agnes, 'all');
    expect(all).toEqual(expect.arrayContaining([m1.id, m2.id, late.id]));
    expect(all).not.toContain(finished.id);
    expect(await pages(agnes, 'mine')).not.toContain(m1.id);
  });
});
