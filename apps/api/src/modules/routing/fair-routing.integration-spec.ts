import type {
  ActorRef,
  HandBackResultDto,
  RoutingOperatorLoadDto,
  RoutingQueueEntryDto,
  TeamDto,
  TeamRoutingDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  type ApiClient,
  type RecordingOperatorSocket,
  type TestApi,
  type TestDatabase,
  startTestApi,
} from '@switchboard/testing';
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { EventEntity } from '../../core/events/entities/event.entity';
import { RoundRobinService } from './round-robin.service';
import { connectAvailableOperator } from './testing/available-operator';

const NAMES = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve'] as const;
type Name = (typeof NAMES)[number];

/**
 * Fair routing with two API instances on one database: 50 conversations routed concurrently in a
 * team of three available operators with a maximum of 2 (Dan is away, Eve has no socket).
 */
describe('fair routing', () => {
  let db: TestDatabase;
  let api: TestApi;
  let second: TestApi;
  let admin: ApiClient;
  let adminRef: ActorRef;
  const ids = {} as Record<Name, string>;
  const clients = {} as Record<Name, ApiClient>;
  const tokens = {} as Record<Name, string>;
  const sockets: RecordingOperatorSocket[] = [];
  let team: TeamDto;
  let conversations: string[];

  const open = (name: Name) =>
    api.dataSource
      .getRepository(ConversationEntity)
      .countBy({ assigneeId: ids[name], status: 'open' });
  const queue = () => admin.ok<RoutingQueueEntryDto[]>('GET', '/api/routing/queue');
  const nameOf = (id: string) => NAMES.find((n) => ids[n] === id);

  beforeAll(async () => {
    db = await createTestDatabase();
    // One after the other: the first migrates and defines the job queues.
    api = await startTestApi({ databaseUrl: db.url });
    second = await startTestApi({ databaseUrl: db.url });
    const login = await loginAs(api.baseUrl);
    admin = login.client;
    adminRef = { id: login.login.operator.id, name: login.login.operator.name };
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    await api.dataSource.transaction(async (em) => {
      for (const name of NAMES)
        await createOperator(em, account.id, {
          email: `${name.toLowerCase()}@test.local`,
          name,
          password: 'agent-password-123',
          role: 'agent',
        });
    });
    for (const name of NAMES) {
      const l = await loginAs(
        api.baseUrl,
        `${name.toLowerCase()}@test.local`,
        'agent-password-123',
      );
      [ids[name], clients[name], tokens[name]] = [l.login.operator.id, l.client, l.login.token];
    }
    team = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Support' });
    await admin.ok('PUT', `/api/teams/${team.id}/members`, { operatorIds: Object.values(ids) });
    const { customer } = await createApiInbox(admin);
    for (let i = 0; i < 50; i++)
      await customer.say(`Help ${i}`, `m-${i}`, { id: `c-${i}`, name: `Customer ${i}` });
    conversations = (
      await api.dataSource
        .getRepository(ConversationEntity)
        .find({ select: { id: true }, order: { number: 'ASC' } })
    ).map((c) => c.id);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([api?.close(), second?.close()]);
    await db?.drop();
  });

  it('refuses bad settings with the reason and stores nothing', async () => {
    const empty = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Empty' });
    const noMembers = await admin.request('PUT', `/api/routing/teams/${empty.id}`, {
      roundRobin: true,
      maxOpenPerOperator: 2,
    });
    expect(noMembers.status).toBe(422);
    expect(noMembers.body).toMatchObject({ code: 'ROUTING_SETTINGS_INVALID' });
    expect(JSON.stringify(noMembers.body)).toContain('no members');
    for (const maxOpenPerOperator of [0, 501, 2.5, '3'])
      expect(
        (
          await admin.request('PUT', `/api/routing/teams/${team.id}`, {
            roundRobin: true,
            maxOpenPerOperator,
          })
        ).status,
      ).toBe(400);
    const stranger = await admin.request('PUT', `/api/routing/teams/${team.id}`, {
      roundRobin: true,
      maxOpenPerOperator: 2,
      memberMaxOpen: [{ operatorId: adminRef.id, maxOpen: 3 }],
    });
    expect(stranger.status).toBe(422);
    const agent = await clients.Ann.request('PUT', `/api/routing/teams/${team.id}`, {
      roundRobin: true,
      maxOpenPerOperator: 2,
    });
    expect(agent.status).toBe(403);
    const teams = await admin.ok<TeamRoutingDto[]>('GET', '/api/routing/teams');
    expect(teams.map((t) => [t.teamName, t.roundRobin, t.maxOpenPerOperator])).toEqual([
      ['Empty', false, 10],
      ['Support', false, 10],
    ]);
    const saved = await admin.ok<TeamRoutingDto>('PUT', `/api/routing/teams/${team.id}`, {
      roundRobin: true,
      maxOpenPerOperator: 2,
    });
    expect(saved).toMatchObject({ roundRobin: true, maxOpenPerOperator: 2, queued: 0 });
    // Nor can the team screen leave a round-robin team without members.
    const emptied = await admin.request('PUT', `/api/teams/${team.id}/members`, {
      operatorIds: [],
    });
    expect(emptied.status).toBe(422);
    expect(JSON.stringify(emptied.body)).toContain('round-robin team needs at least one member');
    const [kept] = (await admin.ok<TeamDto[]>('GET', '/api/teams')).filter((t) => t.id === team.id);
    expect(kept!.memberIds).toHaveLength(NAMES.length);
  });

  it('routes 50 concurrent arrivals on two instances: 6 assigned in turns, 44 queued in order', async () => {
    // Ann, Ben, Cat connected (on either instance); Dan connected but away; Eve online, no socket.
    for (const [name, on] of [
      ['Ann', api],
      ['Ben', second],
      ['Cat', api],
      ['Dan', second],
    ] as const)
      sockets.push(await connectAvailableOperator(on.baseUrl, tokens[name], admin, ids[name]));
    sockets[3]!.socket.emit('presence.set', { status: 'away' });
    await eventually(async () => {
      const loads = await admin.ok<RoutingOperatorLoadDto[]>('GET', '/api/routing/operators');
      const available = loads.filter((l) => l.available).map((l) => l.name);
      return available.join() === 'Ann,Ben,Cat';
    });

    const instances = [api, second].map((a) => ({ a, rr: a.app.get(RoundRobinService) }));
    const results = await Promise.all(
      conversations.map((id, i) => {
        const { a, rr } = instances[i % 2]!;
        return a.dataSource.transaction((em) => rr.route(em, id, team.id, adminRef));
      }),
    );
    const assigned = results.filter((r) => r.status === 'assigned');
    const queued = results.flatMap((r, i) =>
      r.status === 'queued' ? [{ id: conversations[i]!, position: r.position }] : [],
    );
    expect(assigned).toHaveLength(6);
    expect(queued.map((q) => q.position).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 44 }, (_, i) => i + 1),
    );
    for (const name of NAMES) expect(await open(name)).toBe(['Dan', 'Eve'].includes(name) ? 0 : 2);
    // The queue lists them in the order they arrived (the positions routing answered).
    const listed = await queue();
    expect(listed.map((e) => e.conversationId)).toEqual(
      [...queued].sort((x, y) => x.position - y.position).map((q) => q.id),
    );
    // The order of assignment (event log order): each of the three once, then again in the same order.
    const order = await assignmentOrder();
    expect(order).toHaveLength(6);
    expect(new Set(order.slice(0, 3)).size).toBe(3);
    expect(order.slice(3)).toEqual(order.slice(0, 3));
  });

  it('drains exactly the ones that fit, oldest first, promptly once room appears', async () => {
    const before = await queue();
    const mine = await api.dataSource
      .getRepository(ConversationEntity)
      .find({ where: { assigneeId: ids.Ann, status: 'open' } });
    await Promise.all(
      mine.map((conv) => clients.Ann.ok('POST', `/api/conversations/${conv.id}/close`)),
    );
    const closed = Date.now();
    await eventually(async () => (await queue()).length === 42, 3_000, 20);
    // About 170 ms on a quiet machine; the bound leaves room for a loaded CI.
    expect(Date.now() - closed).toBeLessThan(2_000);
    const firstTwo = before.slice(0, 2).map((e) => e.conversationId);
    const now = await api.dataSource.getRepository(ConversationEntity).findBy({});
    for (const id of firstTwo) expect(now.find((c) => c.id === id)!.assigneeId).toBe(ids.Ann);
    expect((await queue()).map((e) => e.position)).toEqual(
      Array.from({ length: 42 }, (_, i) => i + 1),
    );
    for (const name of ['Ann', 'Ben', 'Cat'] as const) expect(await open(name)).toBe(2);

    // Dan comes online: his two turns are taken from the queue at once; Eve still has no socket.
    sockets[3]!.socket.emit('presence.set', { status: 'online' });
    await eventually(async () => (await open('Dan')) === 2, 3_000, 20);
    expect((await queue()).length).toBe(40);
    expect(await open('Eve')).toBe(0);

    // A queued conversation closed or assigned by hand leaves the queue.
    const [head, next] = await queue();
    await admin.ok('POST', `/api/conversations/${head!.conversationId}/close`);
    await admin.ok('POST', `/api/conversations/${next!.conversationId}/assign`, {
      assigneeId: ids.Eve,
    });
    await eventually(async () => (await queue()).length === 38, 3_000, 20);
    const drained = await assignedActivities(firstTwo[0]!);
    expect(drained.at(-1)).toMatchObject({ by: { id: adminRef.id }, assignee: { id: ids.Ann } });
  });

  it('hands back the unanswered queue of an operator who leaves', async () => {
    const result = await clients.Dan.ok<HandBackResultDto>('POST', '/api/routing/hand-back');
    expect(result.handedBack).toBe(2);
    expect(await open('Dan')).toBe(0);
    // Nobody else has room: both wait at the end of the queue, Dan (now away) is skipped.
    const listed = await queue();
    expect(listed).toHaveLength(40);
    const loads = await admin.ok<RoutingOperatorLoadDto[]>('GET', '/api/routing/operators');
    expect(loads.find((l) => l.name === 'Dan')).toMatchObject({
      presence: 'away',
      connected: true,
      available: false,
      openAssigned: 0,
      maxOpen: 2,
    });
    // Raising the maximum drains the queue to the new room at once.
    await admin.ok('PUT', `/api/routing/teams/${team.id}`, {
      roundRobin: true,
      maxOpenPerOperator: 2,
      memberMaxOpen: [{ operatorId: ids.Ben, maxOpen: 4 }],
    });
    await eventually(async () => (await open('Ben')) === 4, 3_000, 20);
    expect(await queue()).toHaveLength(38);
  });

  it('keeps the maximum of an operator in two round-robin teams routing at once', async () => {
    // Fay alone in two teams of her own, at most 1 each: together she may still hold only 1.
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    await api.dataSource.transaction((em) =>
      createOperator(em, account.id, {
        email: 'fay@test.local',
        name: 'Fay',
        password: 'agent-password-123',
        role: 'agent',
      }),
    );
    const fay = await loginAs(api.baseUrl, 'fay@test.local', 'agent-password-123');
    const fayId = fay.login.operator.id;
    const teams = await Promise.all(
      ['Billing', 'Refunds'].map((name) => admin.ok<TeamDto>('POST', '/api/teams', { name })),
    );
    for (const t of teams) {
      await admin.ok('PUT', `/api/teams/${t.id}/members`, { operatorIds: [fayId] });
      await admin.ok('PUT', `/api/routing/teams/${t.id}`, {
        roundRobin: true,
        maxOpenPerOperator: 1,
      });
    }
    sockets.push(await connectAvailableOperator(second.baseUrl, fay.login.token, admin, fayId));
    const { customer } = await createApiInbox(admin);
    const fresh: string[] = [];
    for (let i = 0; i < 6; i++) {
      await customer.say(`Twin ${i}`, `twin-${i}`, { id: `twin-${i}`, name: `Twin ${i}` });
      const conv = await api.dataSource
        .getRepository(ConversationEntity)
        .findOneOrFail({ where: {}, order: { number: 'DESC' } });
      fresh.push(conv.id);
    }
    const rrs = [api, second].map((a) => ({ a, rr: a.app.get(RoundRobinService) }));
    const results = await Promise.all(
      fresh.map((id, i) => {
        const { a, rr } = rrs[i % 2]!;
        return a.dataSource.transaction((em) => rr.route(em, id, teams[i % 2]!.id, adminRef));
      }),
    );
    expect(results.filter((r) => r.status === 'assigned')).toHaveLength(1);
    const fays = await api.dataSource
      .getRepository(ConversationEntity)
      .countBy({ assigneeId: fayId, status: 'open' });
    expect(fays).toBe(1);
  });

  /** Assignees of `assigned` activities by the router, in event log order. */
  async function assignmentOrder(): Promise<string[]> {
    const rows = await api.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .select("e.payload->'message'->'activity'->'assignee'->>'id'", 'assignee')
      .where(`e.type = 'message.created'`)
      .andWhere(`e.payload->'message'->'activity'->>'type' = 'assigned'`)
      .orderBy('e.id')
      .getRawMany<{ assignee: string }>();
    return rows.map((r) => nameOf(r.assignee) ?? r.assignee);
  }

  async function assignedActivities(conversationId: string) {
    const rows = await api.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .select("e.payload->'message'->'activity'", 'activity')
      .where(`e.type = 'message.created' AND e.conversation_id = :conversationId`, {
        conversationId,
      })
      .andWhere(`e.payload->'message'->'activity'->>'type' = 'assigned'`)
      .orderBy('e.id')
      .getRawMany<{ activity: unknown }>();
    return rows.map((r) => r.activity);
  }
});
