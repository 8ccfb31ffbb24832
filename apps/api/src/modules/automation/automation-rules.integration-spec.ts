import type {
  ConversationSummaryDto,
  MessageDto,
  Page,
  RuleDto,
  RuleInput,
  RuleRunDto,
  RuleTestResultDto,
  TeamDto,
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
import { OperatorEntity } from '../operators/entities/operator.entity';
import { AutomationRuleEntity } from './entities/automation-rule.entity';

/**
 * The rules engine over the real pipeline: words in any script route, tag and greet; automated
 * mail gets no auto-reply; a rule never re-triggers itself; a failing rule is logged and blocks
 * nothing; the dry run changes nothing; every refusal on save is a 422 with its reason.
 */
describe('automation rules', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let customer: ApiChannelCustomer;
  let payments: TeamDto;
  let empty: TeamDto;
  let greetingId: string;
  let agentId: string;

  const conversationOf = async (text: string) => {
    const page = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=all',
    );
    const found = page.items.find((c) => c.lastMessagePreview === text);
    return found ?? null;
  };
  const timeline = (id: string) =>
    admin.ok<Page<MessageDto>>('GET', `/api/conversations/${id}/messages?limit=100`);
  const runsOf = (conversationId: string) =>
    admin.ok<Page<RuleRunDto>>('GET', `/api/automation/runs?conversationId=${conversationId}`);
  const createRule = (rule: Partial<RuleInput> & Pick<RuleInput, 'name' | 'actions'>) =>
    admin.request('POST', '/api/automation/rules', {
      trigger: { kind: 'event', event: 'message_received' },
      ...rule,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({
      databaseUrl: db.url,
      env: { ALLOW_PRIVATE_NETWORK_TARGETS: 'false' },
    });
    admin = (await loginAs(api.baseUrl)).client;
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    const agent = await api.dataSource.transaction((em) =>
      createOperator(em, account.id, {
        email: 'paula@test.local',
        name: 'Paula',
        password: 'agent-password-123',
        role: 'agent',
      }),
    );
    agentId = agent;
    payments = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Payments' });
    await admin.ok('PUT', `/api/teams/${payments.id}/members`, { operatorIds: [agentId] });
    empty = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Nobody' });
    greetingId = (
      await admin.ok<{ id: string }>('POST', '/api/canned-replies', {
        title: 'Greeting',
        shortcut: 'greet',
        body: 'Hello {{contact.first_name}}, we are on it.',
        scope: 'shared',
      })
    ).id;
    customer = (await createApiInbox(admin)).customer;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('tags, routes and greets refund messages in any script, once, and logs a failing rule', async () => {
    await admin.ok<RuleDto>('POST', '/api/automation/rules', {
      name: 'Refunds',
      trigger: { kind: 'event', event: 'message_received' },
      conditions: {
        match: 'all',
        groups: [
          {
            match: 'any',
            conditions: [
              { field: 'message_text', op: 'contains_any', value: ['refund', 'возврат'] },
            ],
          },
        ],
      },
      actions: [
        { type: 'add_tags', tags: ['refund'] },
        { type: 'assign_team', teamId: payments.id },
        { type: 'send_canned_reply', cannedReplyId: greetingId },
      ],
    });
    // Re-triggered by its own tag_added it would tag forever; it runs once per other rule's tag.
    await admin.ok('POST', '/api/automation/rules', {
      name: 'Seen',
      trigger: { kind: 'event', event: 'tag_added' },
      actions: [{ type: 'add_tags', tags: ['seen'] }],
    });
    const broken = await admin.ok<RuleDto>('POST', '/api/automation/rules', {
      name: 'Broken',
      trigger: { kind: 'event', event: 'message_received' },
      actions: [
        { type: 'add_tags', tags: ['broken'] },
        { type: 'assign_operator', operatorId: agentId },
      ],
    });
    await api.dataSource
      .getRepository(OperatorEntity)
      .update({ id: agentId }, { deactivatedAt: new Date() });

    await customer.say('I want a Refund, please', 'r-1', { id: 'c-en', name: 'Carla Diaz' });
    await customer.say('Хочу возврат денег', 'r-2', { id: 'c-ru', name: 'Ivan' });
    await customer.post({
      messages: [
        {
          id: 'r-3',
          from: { id: 'c-auto', name: 'Robot' },
          text: 'Auto: refund processed',
          automated: true,
        },
      ],
    });
    const en = (await eventually(() => conversationOf('I want a Refund, please'), 10_000))!;
    await eventually(async () => (await runsOf(en.id)).items.length >= 3, 10_000);

    const tags = async (id: string) =>
      (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${id}`)).tags
        .map((t) => t.name)
        .sort();
    expect(await tags(en.id)).toEqual(['refund', 'seen']);
    const summary = await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${en.id}`);
    expect(summary.assigneeTeamId).toBe(payments.id);
    // The greeting went out on the API channel, rendered, and was delivered.
    await eventually(async () => {
      const out = (await timeline(en.id)).items.find(
        (m) => m.direction === 'outgoing' && m.kind === 'message',
      );
      return out?.deliveryStatus === 'sent' ? out : null;
    }, 10_000);
    const items = (await timeline(en.id)).items;
    expect(items.find((m) => m.kind === 'message' && m.direction === 'outgoing')?.text).toBe(
      'Hello Carla, we are on it.',
    );
    const applied = items.find(
      (m) => m.activity?.type === 'rule_applied' && m.activity.rule.name === 'Refunds',
    );
    expect(applied?.activity).toMatchObject({
      actions: [
        { type: 'add_tags', status: 'done', detail: 'refund' },
        { type: 'assign_team', status: 'done', detail: 'Payments' },
        { type: 'send_canned_reply', status: 'done', detail: 'Greeting' },
      ],
    });
    const tagged = items.filter((m) => m.activity?.type === 'tag_added').map((m) => m.activity);
    expect(tagged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tag: 'refund',
          by: expect.objectContaining({ name: 'Refunds', kind: 'rule' }),
        }),
        expect.objectContaining({
          tag: 'seen',
          by: expect.objectContaining({ name: 'Seen', kind: 'rule' }),
        }),
      ]),
    );
    expect(tagged).toHaveLength(2);
    // The failing rule rolled back alone (no "broken" tag), is on the timeline and in the log.
    expect(items.find((m) => m.activity?.type === 'rule_failed')?.activity).toMatchObject({
      rule: { id: broken.id },
      reason: 'assign: the operator is deactivated or gone',
    });
    const runs = (await runsOf(en.id)).items;
    expect(runs.map((r) => `${r.rule.name}:${r.outcome}`).sort()).toEqual([
      'Broken:failed',
      'Refunds:applied',
      'Seen:applied',
    ]);

    const ru = (await eventually(() => conversationOf('Хочу возврат денег'), 10_000))!;
    // Settled as `en` is: all three rules ran (Seen after Refunds' tag), so the dry run below is
    // the only thing that could still change its timeline.
    await eventually(async () => (await runsOf(ru.id)).items.length >= 3, 10_000);
    expect(await tags(ru.id)).toEqual(['refund', 'seen']);
    // Automated mail: tagged and routed, never answered.
    const auto = (await eventually(() => conversationOf('Auto: refund processed'), 10_000))!;
    await eventually(
      async () => (await runsOf(auto.id)).items.some((r) => r.rule.name === 'Refunds'),
      10_000,
    );
    const autoRun = (await runsOf(auto.id)).items.find((r) => r.rule.name === 'Refunds')!;
    expect(autoRun.actions[2]).toMatchObject({
      type: 'send_canned_reply',
      status: 'skipped',
      reason: 'auto-reply: the message was automated',
    });
    expect(
      (await timeline(auto.id)).items.some(
        (m) => m.kind === 'message' && m.direction === 'outgoing',
      ),
    ).toBe(false);

    // The dry run says what would happen and changes nothing.
    const before = (await timeline(ru.id)).items.length;
    const dry = await admin.ok<RuleTestResultDto>('POST', '/api/automation/rules/test', {
      conversationId: ru.id,
      rule: {
        name: 'Try',
        trigger: { kind: 'event', event: 'message_received' },
        conditions: {
          match: 'all',
          groups: [
            {
              match: 'all',
              conditions: [{ field: 'message_text', op: 'contains_any', value: ['денег'] }],
            },
          ],
        },
        actions: [{ type: 'add_tags', tags: ['dry'] }, { type: 'close' }],
      },
    });
    expect(dry).toEqual({
      matched: true,
      groups: [true],
      actions: [
        { type: 'add_tags', status: 'done', detail: 'dry' },
        { type: 'close', status: 'done', detail: null },
      ],
    });
    expect(await tags(ru.id)).not.toContain('dry');
    expect(
      (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${ru.id}`)).status,
    ).toBe('open');
    expect((await timeline(ru.id)).items.length).toBe(before);
  });

  it('refuses a rule it cannot run, with a 422 and the reason, and stores nothing', async () => {
    const count = () => api.dataSource.getRepository(AutomationRuleEntity).count();
    const stored = await count();
    const refusals: Array<[Partial<RuleInput> & Pick<RuleInput, 'name' | 'actions'>, string]> = [
      [{ name: 'No actions', actions: [] }, 'at least one action'],
      [
        {
          name: 'Attr',
          conditions: {
            match: 'all',
            groups: [
              {
                match: 'all',
                conditions: [{ field: 'contact_attribute', key: 'plan', op: 'is_set' }],
              },
            ],
          },
          actions: [{ type: 'close' }],
        },
        'Unknown contact attribute "plan"',
      ],
      [
        {
          name: 'Ghost',
          actions: [
            { type: 'assign_operator', operatorId: '00000000-0000-4000-8000-000000000009' },
          ],
        },
        'Unknown or deactivated operator',
      ],
      [
        {
          name: 'Ghost team',
          actions: [{ type: 'assign_team', teamId: '00000000-0000-4000-8000-000000000009' }],
        },
        'Unknown team',
      ],
      [
        {
          name: 'No reply',
          actions: [
            { type: 'send_canned_reply', cannedReplyId: '00000000-0000-4000-8000-000000000009' },
          ],
        },
        'Unknown canned reply',
      ],
      [
        { name: 'Untag', actions: [{ type: 'remove_tags', tags: ['never-seen'] }] },
        'Unknown tag "never-seen"',
      ],
      [
        { name: 'RR', actions: [{ type: 'assign_round_robin', teamId: empty.id }] },
        'the team has no active members',
      ],
      [
        { name: 'Hook', actions: [{ type: 'call_webhook', url: 'http://127.0.0.1:9/hook' }] },
        'Webhook http://127.0.0.1:9/hook',
      ],
    ];
    for (const [rule, reason] of refusals) {
      const r = await createRule(rule);
      expect([rule.name, r.status, (r.body as { code: string }).code]).toEqual([
        rule.name,
        422,
        'INVALID_RULE',
      ]);
      expect((r.body as { message: string }).message).toContain(reason);
    }
    // A loop: closing fires "status changed", whose rule tags, which fires "tag added" ... refused.
    await admin.ok('POST', '/api/automation/rules', {
      name: 'Close tagged',
      trigger: { kind: 'event', event: 'tag_added' },
      actions: [{ type: 'close' }],
    });
    const loop = await createRule({
      name: 'Tag closed',
      trigger: { kind: 'event', event: 'status_changed' },
      actions: [{ type: 'add_tags', tags: ['closed'] }],
    });
    expect(loop.status).toBe(422);
    expect((loop.body as { message: string }).message).toContain(
      '"Tag closed" → "Close tagged" → "Tag closed"',
    );
    // Disabled, it may be kept; enabling it is the same refusal.
    const parked = await admin.ok<RuleDto>('POST', '/api/automation/rules', {
      name: 'Tag closed',
      enabled: false,
      trigger: { kind: 'event', event: 'status_changed' },
      actions: [{ type: 'add_tags', tags: ['closed'] }],
    });
    expect(
      (await admin.request('PATCH', `/api/automation/rules/${parked.id}`, { enabled: true }))
        .status,
    ).toBe(422);
    expect(await count()).toBe(stored + 2);
  });
});
