import type {
  BulkAssignResultDto,
  ConversationSummaryDto,
  MessageDto,
  NotificationItemDto,
  Page,
  TeamDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues, type Colleagues } from '../accounts/testing/colleagues';

/** POST /api/conversations/assign: a list selection assigned at once, all or nothing. */
describe('bulk assignment', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let people: Colleagues;
  let agentId: string;
  let conversations: string[];
  let foreignConversation: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    people = await addColleagues(api);
    agentId = (await people.agent.ok<{ id: string }>('GET', '/api/auth/me')).id;
    const { customer } = await createApiInbox(admin, 'Shop');
    for (const name of ['Ann', 'Ben', 'Cid'])
      await customer.say(`Hello from ${name}`, undefined, { id: `cust-${name}`, name });
    const page = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    conversations = page.items.map((c) => c.id);
    const strangers = await createApiInbox(people.stranger, 'Elsewhere');
    await strangers.customer.say('Not yours');
    foreignConversation = (
      await people.stranger.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')
    ).items[0]!.id;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const assigneeOf = async (id: string) =>
    (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${id}`)).assigneeId;
  const assignedActivities = async (id: string) =>
    (await admin.ok<Page<MessageDto>>('GET', `/api/conversations/${id}/messages`)).items.filter(
      (m) => m.activity?.type === 'assigned',
    ).length;

  it('assigns every selected conversation with one activity and one notification each', async () => {
    const [a, b] = conversations;
    const result = await admin.ok<BulkAssignResultDto>('POST', '/api/conversations/assign', {
      conversationIds: [a, b],
      assigneeId: agentId,
    });
    expect(result.conversations.map((c) => [c.id, c.assigneeId])).toEqual([
      [a, agentId],
      [b, agentId],
    ]);
    expect(await assignedActivities(a!)).toBe(1);
    expect(await assignedActivities(b!)).toBe(1);
    await eventually(async () => {
      const page = await people.agent.ok<Page<NotificationItemDto>>('GET', '/api/notifications');
      return page.items.filter((n) => n.type === 'assigned').length === 2;
    });
    // Unassigning the same selection again: one more activity each, no notification.
    await admin.ok('POST', '/api/conversations/assign', {
      conversationIds: [a, b],
      assigneeId: null,
    });
    expect(await assigneeOf(a!)).toBeNull();
    expect(await assignedActivities(a!)).toBe(2);
  });

  it('changes nothing when one conversation or the assignee is refused', async () => {
    const [, , c] = conversations;
    // Sorts last: the selection is locked in id order, so c is assigned before the refusal.
    const missing = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
    const strangerId = (await people.stranger.ok<{ id: string }>('GET', '/api/auth/me')).id;
    const refusals: [unknown, number][] = [
      [{ conversationIds: [c, foreignConversation], assigneeId: agentId }, 404],
      [{ conversationIds: [c, missing], assigneeId: agentId }, 404],
      [{ conversationIds: [c], assigneeId: strangerId }, 400],
    ];
    for (const [body, status] of refusals) {
      const res = await admin.request('POST', '/api/conversations/assign', body);
      expect([body, res.status]).toEqual([body, status]);
      expect((res.body as { message?: string }).message).toBeTruthy();
    }
    expect(await assigneeOf(c!)).toBeNull();
    expect(await assignedActivities(c!)).toBe(0);
    // The foreign conversation was not touched either.
    const theirs = await people.stranger.ok<ConversationSummaryDto>(
      'GET',
      `/api/conversations/${foreignConversation}`,
    );
    expect(theirs.assigneeId).toBeNull();
  });

  it('refuses a malformed selection with 400', async () => {
    const c = conversations[2]!;
    const tooMany = Array.from(
      { length: 101 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const body of [
      {},
      { conversationIds: [], assigneeId: agentId },
      { conversationIds: tooMany, assigneeId: agentId },
      { conversationIds: [c, c], assigneeId: agentId },
      { conversationIds: ['not-a-uuid'], assigneeId: agentId },
      { conversationIds: [c] },
      { conversationIds: [c], assigneeId: 'nobody' },
    ]) {
      const res = await admin.request('POST', '/api/conversations/assign', body);
      expect([res.status, body]).toEqual([400, body]);
    }
    expect(await assigneeOf(c)).toBeNull();
  });

  it('assigns a team, alone or with an operator, and "my teams" lists what my teams hold', async () => {
    const [a, b, c] = conversations as [string, string, string];
    const team = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Billing' });
    await admin.ok('PUT', `/api/teams/${team.id}/members`, { operatorIds: [agentId] });
    const other = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Nobody here' });

    // Team only: the operators stay as they were.
    await admin.ok('POST', `/api/conversations/${b}/assign`, { assigneeId: agentId });
    const notificationsOf = async (client: ApiClient) =>
      (await client.ok<Page<NotificationItemDto>>('GET', '/api/notifications?limit=100')).items;
    const seenBefore = new Set((await notificationsOf(people.agent)).map((n) => n.id));
    const bulk = await admin.ok<BulkAssignResultDto>('POST', '/api/conversations/assign', {
      conversationIds: [a, b],
      teamId: team.id,
    });
    expect(bulk.conversations.map((x) => [x.assigneeTeamId, x.assigneeId])).toEqual([
      [team.id, null],
      [team.id, agentId],
    ]);
    // Operator and team at once, on one conversation.
    const single = await admin.ok<ConversationSummaryDto>(
      'POST',
      `/api/conversations/${c}/assign`,
      {
        assigneeId: agentId,
        teamId: other.id,
      },
    );
    expect([single.assigneeId, single.assigneeTeamId]).toEqual([agentId, other.id]);
    const timeline = await admin.ok<Page<MessageDto>>('GET', `/api/conversations/${a}/messages`);
    expect(
      timeline.items
        .filter((m) => m.activity?.type === 'team_assigned')
        .map((m) => (m.activity?.type === 'team_assigned' ? m.activity.team?.name : null)),
    ).toEqual(['Billing']);

    const feed = (client: ApiClient, assignee: string) =>
      client
        .ok<Page<ConversationSummaryDto>>('GET', `/api/conversations?assignee=${assignee}`)
        .then((p) => p.items.map((x) => x.id).sort());
    expect(await feed(people.agent, 'team')).toEqual([a, b].sort());
    expect(await feed(admin, 'team')).toEqual([]);
    expect(await feed(people.agent, 'mine')).toEqual([b, c].sort());
    // The team's member heard that the team got a and b (and c, though not for team "other").
    const fresh = (await notificationsOf(people.agent)).filter((n) => !seenBefore.has(n.id));
    expect(
      fresh
        .filter((n) => n.type === 'assigned')
        .map((n) => n.conversationId)
        .sort(),
    ).toEqual([a, b, c].sort());

    // A team of another account is refused, and nothing changes.
    const theirTeam = await people.stranger.ok<TeamDto>('POST', '/api/teams', { name: 'Theirs' });
    const refused = await admin.request('POST', '/api/conversations/assign', {
      conversationIds: [a, c],
      teamId: theirTeam.id,
    });
    expect(refused.status).toBe(400);
    expect(await feed(people.agent, 'team')).toEqual([a, b].sort());
    // Removing the team.
    await admin.ok('POST', '/api/conversations/assign', { conversationIds: [a, b], teamId: null });
    expect(await feed(people.agent, 'team')).toEqual([]);
  });

  it('refuses the whole selection when the operator may not work one of its inboxes', async () => {
    const closed = await createApiInbox(admin, 'Admins only');
    await closed.customer.say('Private matter');
    const page = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?inboxId=${closed.inbox.id}`,
    );
    const secret = page.items[0]!.id;
    const me = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    // Only the admin may work the new inbox; the agent may not.
    await admin.ok('PUT', `/api/inboxes/${closed.inbox.id}/access`, {
      operatorIds: [me],
      teamIds: [],
    });
    const open = conversations[2]!;
    await admin.ok('POST', `/api/conversations/${open}/assign`, { assigneeId: null });
    const res = await admin.request('POST', '/api/conversations/assign', {
      conversationIds: [open, secret],
      assigneeId: agentId,
    });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('no access');
    expect(await assigneeOf(open)).toBeNull();
    expect(await assigneeOf(secret)).toBeNull();
  });
});
