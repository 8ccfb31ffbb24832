import type { ApiErrorDto, TaskDto } from '@switchboard/contracts';
import { newTask, inHours, startTaskWorld, type TaskWorld } from './testing/task-world';

/**
 * Bad input to tasks: a due time in the past, an assignee who cannot take the task, another
 * account's ids, malformed fields. Each is refused with a clear 4xx and its reason, never a 500,
 * and nothing is stored or changed.
 */
describe('task refusals', () => {
  let w: TaskWorld;

  beforeAll(async () => {
    w = await startTaskWorld();
  });

  afterAll(async () => {
    await w?.close();
  });

  it('refuses bad input with the reason and changes nothing', async () => {
    const { admin, stranger, agnesId, open, secretMessage, counts } = w;
    const { goneId, strangerOperatorId, strangerConversationId, strangerMessageId } = w;
    const before = await counts();
    const cases: Array<[Record<string, unknown>, number, string | RegExp]> = [
      [
        newTask({ assigneeId: agnesId, conversationIds: [open.id], dueAt: inHours(-1) }),
        422,
        'TASK_DUE_IN_PAST',
      ],
      [
        newTask({ assigneeId: agnesId, fromMessageId: secretMessage.id }),
        422,
        /Agnes may not work/,
      ],
      [newTask({ assigneeId: goneId, conversationIds: [open.id] }), 422, /Gone is deactivated/],
      [
        newTask({ assigneeId: strangerOperatorId, conversationIds: [open.id] }),
        422,
        /not an operator of this account/,
      ],
      [
        newTask({ assigneeId: agnesId, conversationIds: [strangerConversationId] }),
        404,
        'NOT_FOUND',
      ],
      [newTask({ assigneeId: agnesId, fromMessageId: strangerMessageId }), 404, 'NOT_FOUND'],
      [
        newTask({ assigneeId: agnesId, conversationIds: [open.id, strangerConversationId] }),
        404,
        'NOT_FOUND',
      ],
      [newTask({ assigneeId: agnesId }), 400, /fromMessageId or at least one/],
      [
        newTask({ assigneeId: agnesId, conversationIds: [open.id], title: '  ' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        newTask({ assigneeId: agnesId, conversationIds: [open.id], title: 'a\u0000b' }),
        422,
        'INVALID_CHARACTERS',
      ],
      [
        newTask({ assigneeId: agnesId, conversationIds: [open.id], dueAt: 'tomorrow' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        newTask({ assigneeId: agnesId, conversationIds: [open.id], dueAt: '0000-01-01T00:00:00Z' }),
        400,
        'VALIDATION_FAILED',
      ],
      [newTask({ assigneeId: 'me', conversationIds: [open.id] }), 400, 'VALIDATION_FAILED'],
      [
        newTask({ assigneeId: agnesId, conversationIds: [open.id], title: 'x'.repeat(201) }),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [body, status, reason] of cases) {
      const res = await admin.request<ApiErrorDto>('POST', '/api/tasks', body);
      expect({ body, status: res.status }).toEqual({ body, status });
      const text = `${res.body.code} ${res.body.message}`;
      if (typeof reason === 'string') expect(text).toContain(reason);
      else expect(text).toMatch(reason);
    }
    expect(await counts()).toEqual(before);

    const task = await admin.ok<TaskDto>(
      'POST',
      '/api/tasks',
      newTask({ assigneeId: agnesId, conversationIds: [open.id] }),
    );
    const edits: Array<[Record<string, unknown>, number]> = [
      [{ dueAt: inHours(-1) }, 422],
      [{ assigneeId: goneId }, 422],
      [{ assigneeId: strangerOperatorId }, 422],
      [{}, 400],
      [{ title: '' }, 400],
    ];
    for (const [body, status] of edits)
      expect((await admin.request('PATCH', `/api/tasks/${task.id}`, body)).status).toBe(status);
    expect(await admin.ok<TaskDto>('GET', `/api/tasks/${task.id}`)).toEqual(task);
    // Another account's task, or no task at all: 404, never a 500.
    for (const path of [`/api/tasks/${task.id}`, `/api/tasks/${task.id}/done`])
      expect((await stranger.request(path.endsWith('done') ? 'POST' : 'GET', path)).status).toBe(
        404,
      );
    expect((await stranger.request('PATCH', `/api/tasks/${task.id}`, { title: 'x' })).status).toBe(
      404,
    );
    expect((await admin.get('/api/tasks/not-a-uuid')).status).toBe(404);
    expect((await admin.get(`/api/conversations/${strangerConversationId}/tasks`)).status).toBe(
      404,
    );
    expect((await admin.get('/api/tasks?view=everything')).status).toBe(400);
    expect((await admin.get('/api/tasks?cursor=garbage')).status).toBe(400);
  });
});
