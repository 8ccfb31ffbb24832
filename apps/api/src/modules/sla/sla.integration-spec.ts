import {
  addBusinessMinutes,
  type AuditLogEntryDto,
  type BusinessHours,
  type ConversationSummaryDto,
  type InboxBusinessHoursDto,
  type Page,
  type SlaPolicyDto,
} from '@switchboard/contracts';
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
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { EventEntity } from '../../core/events/entities/event.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { NotificationEntity } from '../notifications/entities/notification.entity';
import { SlaPolicyEntity } from './entities/sla-policy.entity';
import { SlaTargetEntity } from './entities/sla-target.entity';
import { slaTestReads } from './testing/sla-test-reads';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Priorities, business hours and SLA clocks against a real database: the priority route and the
 * feed's order and filter, refusals that store nothing, due times counted in business hours,
 * warning and breach exactly once with two API instances, and snoozed time left out.
 */
describe('priorities and SLAs', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let inboxId: string;
  let customer: ApiChannelCustomer;

  const { conversationOf, targets } = slaTestReads(() => api.dataSource);
  const newConversation = async (name: string, text = 'hello') => {
    await customer.say(text, undefined, { id: name, name });
    return conversationOf(name);
  };

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
    agent = (await loginAs(api.baseUrl, 'agnes@test.local', 'agent-password-123')).client;
    const created = await createApiInbox(admin);
    inboxId = created.inbox.id;
    customer = created.customer;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('changes priorities, sorts and filters the feed by them, and refuses bad input', async () => {
    const ids: string[] = [];
    for (const name of ['p-low', 'p-urgent', 'p-normal', 'p-high', 'p-urgent-2']) {
      ids.push((await newConversation(name)).id);
    }
    const [low, urgent, normal, high, urgent2] = ids as [string, string, string, string, string];
    for (const [id, priority] of [
      [low, 'low'],
      [urgent, 'urgent'],
      [high, 'high'],
      [urgent2, 'urgent'],
    ] as const) {
      const summary = await agent.ok<ConversationSummaryDto>(
        'PATCH',
        `/api/conversations/${id}/priority`,
        { priority },
      );
      expect(summary.priority).toBe(priority);
    }
    // Setting the same priority again changes nothing and writes no second activity.
    await agent.ok('PATCH', `/api/conversations/${urgent}/priority`, { priority: 'urgent' });
    const activities = await api.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where("m.conversation_id = :urgent AND m.activity->>'type' = 'priority_changed'", { urgent })
      .getMany();
    const agnes = expect.objectContaining({ name: 'Agnes' }) as unknown;
    const change = { type: 'priority_changed', by: agnes, from: 'normal', to: 'urgent' };
    expect(activities.map((m) => m.activity)).toEqual([change]);
    const updated = await api.dataSource.getRepository(EventEntity).countBy({
      conversationId: urgent,
      type: 'conversation.updated',
    });
    expect(updated).toBeGreaterThanOrEqual(1);

    // Most urgent first, newest activity within a priority, across keyset pages of two.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<ConversationSummaryDto> = await admin.ok(
        'GET',
        `/api/conversations?sort=priority&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([urgent2, urgent, high, normal, low]);
    const filtered = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?priority=urgent&priority=high',
    );
    expect(filtered.items.map((c) => c.id)).toEqual([urgent2, high, urgent]);

    // Refusals: 4xx with a reason, nothing changed.
    const bad = await agent.request('PATCH', `/api/conversations/${low}/priority`, {
      priority: 'asap',
    });
    expect(bad.status).toBe(400);
    const missing = await agent.request(
      'PATCH',
      `/api/conversations/${crypto.randomUUID()}/priority`,
      {
        priority: 'high',
      },
    );
    expect(missing.status).toBe(404);
    expect((await admin.request('GET', '/api/conversations?priority=asap')).status).toBe(400);
    const activityCursor = (
      await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations?limit=1')
    ).nextCursor!;
    const mixed = await admin.request(
      'GET',
      `/api/conversations?sort=priority&cursor=${activityCursor}`,
    );
    expect(mixed.status).toBe(400);
    expect((await conversationOf('p-low')).priority).toBe('low');
  });

  it('validates schedules and policies, storing nothing it refuses', async () => {
    const badZone = await admin.request<{ code: string; message: string }>(
      'PUT',
      `/api/inboxes/${inboxId}/business-hours`,
      { businessHours: { timezone: 'Mars/Olympus_Mons', intervals: [], holidays: [] } },
    );
    expect(badZone.status).toBe(422);
    expect(badZone.body.code).toBe('INVALID_BUSINESS_HOURS');
    expect(badZone.body.message).toContain('Mars/Olympus_Mons');
    const badHoliday = await admin.request('PUT', `/api/inboxes/${inboxId}/business-hours`, {
      businessHours: { timezone: 'UTC', intervals: [], holidays: ['2025-02-30'] },
    });
    expect(badHoliday.status).toBe(422);
    const agentPut = await agent.request('PUT', `/api/inboxes/${inboxId}/business-hours`, {
      businessHours: null,
    });
    expect(agentPut.status).toBe(403);
    expect(
      (await admin.ok<InboxBusinessHoursDto>('GET', `/api/inboxes/${inboxId}/business-hours`))
        .businessHours,
    ).toBeNull();

    const refusals: Array<[unknown, number]> = [
      [{ inboxId }, 400], // no target
      [{ inboxId, resolutionMinutes: 0 }, 400],
      [{ inboxId, firstResponseMinutes: -5 }, 400],
      [{ inboxId, resolutionMinutes: 10, warningPercent: 50, warningMinutesBefore: 2 }, 400],
      [{ inboxId: crypto.randomUUID(), resolutionMinutes: 10 }, 422],
    ];
    for (const [body, status] of refusals) {
      expect((await admin.request('POST', '/api/sla-policies', body)).status).toBe(status);
    }
    expect(
      (await agent.request('POST', '/api/sla-policies', { inboxId, resolutionMinutes: 5 })).status,
    ).toBe(403);
    expect(await api.dataSource.getRepository(SlaPolicyEntity).count()).toBe(0);
    const policy = await admin.ok<SlaPolicyDto>('POST', '/api/sla-policies', {
      inboxId,
      priority: 'low',
      resolutionMinutes: 10,
    });
    const dup = await admin.request('POST', '/api/sla-policies', {
      inboxId,
      priority: 'low',
      firstResponseMinutes: 5,
    });
    expect(dup.status).toBe(409);
    await admin.ok('DELETE', `/api/sla-policies/${policy.id}`);
    expect(await api.dataSource.getRepository(SlaPolicyEntity).count()).toBe(0);
    // Created and deleted, each in the audit log; the refused ones left nothing there.
    const audit = await admin.ok<Page<AuditLogEntryDto>>('GET', '/api/audit-log?limit=50');
    const slaEntries = audit.items.filter((e) => e.action.startsWith('sla_policy.'));
    expect(slaEntries.map((e) => `${e.action} ${e.target?.id}`)).toEqual(
      ['deleted', 'created'].map((a) => `sla_policy.${a} ${policy.id}`),
    );
  });

  it('counts targets in business hours, meets responses, and recomputes on a priority change', async () => {
    // Open now until the end of this UTC hour, then closed until the same time tomorrow.
    const now = new Date();
    const day = now.getUTCDay();
    const hours: BusinessHours = {
      timezone: 'UTC',
      intervals: [
        {
          day,
          from: `${pad(now.getUTCHours())}:00`,
          to: now.getUTCHours() === 23 ? '24:00' : `${pad(now.getUTCHours() + 1)}:00`,
        },
        // From the same hour tomorrow: a gap of a day even when "now" is 23:xx.
        { day: (day + 1) % 7, from: `${pad(now.getUTCHours())}:00`, to: '24:00' },
      ],
      holidays: [],
    };
    const schedule = await admin.ok<InboxBusinessHoursDto>(
      'PUT',
      `/api/inboxes/${inboxId}/business-hours`,
      {
        businessHours: hours,
      },
    );
    expect(schedule.openNow).toBe(true);
    await admin.ok('POST', '/api/sla-policies', {
      inboxId,
      firstResponseMinutes: 90,
      nextResponseMinutes: 30,
      resolutionMinutes: 600,
    });
    await admin.ok('POST', '/api/sla-policies', {
      inboxId,
      priority: 'urgent',
      firstResponseMinutes: 15,
      resolutionMinutes: 120,
      businessHours: false,
    });

    const conv = await newConversation('bh-1');
    const rows = await eventually(async () => {
      const r = await targets(conv.id);
      return r.length === 2 ? r : null;
    });
    const first = rows.find((r) => r.target === 'first_response')!;
    const expected = addBusinessMinutes(hours, first.startedAt, 90);
    expect(first.dueAt.toISOString()).toBe(expected.toISOString());
    // The hour closes within 60 minutes, so 90 open minutes end tomorrow: later than 90 plain ones.
    expect(first.dueAt.getTime()).toBeGreaterThan(first.startedAt.getTime() + 90 * 60_000);
    const row = (await conversationOf('bh-1')).slaFirstResponseDueAt;
    expect(row?.toISOString()).toBe(expected.toISOString());
    const feed = await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${conv.id}`);
    expect(feed.sla).toEqual({
      target: 'first_response',
      dueAt: expected.toISOString(),
      state: 'running',
    });

    // Urgent: its own policy, in plain minutes from the conversation's start.
    await admin.ok('PATCH', `/api/conversations/${conv.id}/priority`, { priority: 'urgent' });
    const urgent = (await targets(conv.id)).find((r) => r.target === 'first_response')!;
    expect(urgent.dueAt.getTime()).toBe(urgent.startedAt.getTime() + 15 * 60_000);

    // An operator's reply meets the first response; the customer's next message starts the next.
    await admin.ok('POST', `/api/conversations/${conv.id}/messages`, { text: 'On it' });
    await eventually(
      async () => (await targets(conv.id)).find((r) => r.target === 'first_response')?.completedAt,
    );
    await admin.ok('PATCH', `/api/conversations/${conv.id}/priority`, { priority: 'normal' });
    await customer.say('any news?', undefined, { id: 'bh-1', name: 'bh-1' });
    const next = await eventually(async () =>
      (await targets(conv.id)).find((r) => r.target === 'next_response'),
    );
    expect(next.dueAt.toISOString()).toBe(
      addBusinessMinutes(hours, next.startedAt, 30).toISOString(),
    );
    await admin.ok('POST', `/api/conversations/${conv.id}/close`);
    await eventually(async () => (await targets(conv.id)).every((r) => r.completedAt));
    expect(
      (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${conv.id}`)).sla,
    ).toBeNull();
  });

  it('warns and breaches exactly once with two instances, and tells the assignee', async () => {
    await admin.ok('PUT', `/api/inboxes/${inboxId}/business-hours`, { businessHours: null });
    const policy = (await admin.ok<SlaPolicyDto[]>('GET', '/api/sla-policies')).find(
      (p) => p.priority === 'urgent',
    )!;
    await admin.ok('PATCH', `/api/sla-policies/${policy.id}`, {
      priority: 'urgent',
      resolutionMinutes: 1,
      warningPercent: 95,
      businessHours: false,
    });
    const second = await startTestApi({ databaseUrl: db.url });
    try {
      const me = await admin.ok<{ id: string }>('GET', '/api/auth/me');
      const convs = [await newConversation('race-1'), await newConversation('race-2')];
      for (const c of convs) {
        await eventually(async () => (await targets(c.id)).length > 0);
        await admin.ok('POST', `/api/conversations/${c.id}/assign`, { assigneeId: me.id });
        // Time control: a conversation that started 56 s ago, so warning (57 s) and breach (60 s) come soon.
        await api.dataSource.getRepository(ConversationEntity).update(c.id, {
          createdAt: new Date(Date.now() - 56_000),
        });
        await api.dataSource.getRepository(SlaTargetEntity).delete({ conversationId: c.id });
        await admin.ok('PATCH', `/api/conversations/${c.id}/priority`, { priority: 'urgent' });
      }
      const due = (await targets(convs[0]!.id)).find((r) => r.target === 'resolution')!.dueAt;
      await eventually(
        async () => (await targets(convs[1]!.id)).find((r) => r.state === 'breached'),
        10_000,
      );
      await sleep(600);
      const slaEvents = await api.dataSource
        .getRepository(EventEntity)
        .createQueryBuilder('e')
        .where("e.type = 'conversation.sla' AND e.conversation_id IN (:...ids)", {
          ids: convs.map((c) => c.id),
        })
        .orderBy('e.created_at')
        .getMany();
      for (const c of convs) {
        const states = slaEvents
          .filter((e) => e.conversationId === c.id)
          .map((e) => (e.payload as { state: string; target: string }).state);
        expect(states).toEqual(['warning', 'breached']);
        const breaches = await api.dataSource
          .getRepository(MessageEntity)
          .createQueryBuilder('m')
          .where("m.conversation_id = :id AND m.activity->>'type' = 'sla_breached'", { id: c.id })
          .getCount();
        expect(breaches).toBe(1);
      }
      const breachedAt = slaEvents.find(
        (e) => (e.payload as { state: string }).state === 'breached',
      )!.createdAt;
      expect(breachedAt.getTime() - due.getTime()).toBeGreaterThanOrEqual(0);
      expect(breachedAt.getTime() - due.getTime()).toBeLessThan(1_500);
      const notified = await api.dataSource
        .getRepository(NotificationEntity)
        .countBy({ type: 'sla_breached', operatorId: me.id });
      expect(notified).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('leaves snoozed time out when the policy says so', async () => {
    await admin.ok('POST', '/api/sla-policies', {
      inboxId,
      priority: 'high',
      resolutionMinutes: 60,
      countSnoozed: false,
      businessHours: false,
    });
    const conv = await newConversation('snoozy');
    await admin.ok('PATCH', `/api/conversations/${conv.id}/priority`, { priority: 'high' });
    const before = (await targets(conv.id)).find((r) => r.target === 'resolution')!;
    await admin.ok('POST', `/api/conversations/${conv.id}/snooze`, {
      until: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const paused = await eventually(async () =>
      (await targets(conv.id)).find((r) => r.target === 'resolution' && r.pausedAt),
    );
    expect(paused.checkAt).toBeNull();
    expect(
      (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${conv.id}`)).sla?.paused,
    ).toBe(true);
    await sleep(1_500);
    await admin.ok('POST', `/api/conversations/${conv.id}/unsnooze`);
    const resumed = await eventually(async () =>
      (await targets(conv.id)).find((r) => r.target === 'resolution' && !r.pausedAt),
    );
    const shift = resumed.dueAt.getTime() - before.dueAt.getTime();
    expect(shift).toBeGreaterThanOrEqual(1_400);
    expect(shift).toBeLessThan(3_000);
    expect(resumed.checkAt?.toISOString()).toBe(resumed.dueAt.toISOString());
  });
});
