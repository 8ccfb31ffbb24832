import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ConversationSummaryDto,
  NotificationItemDto,
  Page,
  RoutingQueueEntryDto,
  RuleRunDto,
  TeamDto,
  WebhookSecretDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiClient,
  type RecordingOperatorSocket,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { connectAvailableOperator } from '../routing/testing/available-operator';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

/**
 * The actions other modules own, run by a rule: round-robin routing (the team's maximum holds,
 * the rest waits in the queue), a signed call to an outgoing webhook, and a notification naming
 * the rule with its message, each once per message.
 */
describe('rule actions owned by other modules', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminId: string;
  let receiver: Server;
  const received: Received[] = [];
  const sockets: RecordingOperatorSocket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const login = await loginAs(api.baseUrl);
    admin = login.client;
    adminId = login.login.operator.id;
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, raw });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await api?.close();
    await db?.drop();
    await new Promise((r) => receiver?.close(r));
  });

  it('routes by round-robin within the maximum and calls the webhook, signed, once per message', async () => {
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    const team = await admin.ok<TeamDto>('POST', '/api/teams', { name: 'Billing' });
    const agents: Array<{ id: string; name: string }> = [];
    for (const name of ['Rae', 'Sam']) {
      const email = `${name.toLowerCase()}@test.local`;
      await api.dataSource.transaction((em) =>
        createOperator(em, account.id, {
          email,
          name,
          password: 'agent-password-123',
          role: 'agent',
        }),
      );
      const login = await loginAs(api.baseUrl, email, 'agent-password-123');
      agents.push({ id: login.login.operator.id, name });
      sockets.push(
        await connectAvailableOperator(
          api.baseUrl,
          login.login.token,
          admin,
          login.login.operator.id,
        ),
      );
    }
    await admin.ok('PUT', `/api/teams/${team.id}/members`, {
      operatorIds: agents.map((a) => a.id),
    });
    await admin.ok('PUT', `/api/routing/teams/${team.id}`, {
      roundRobin: true,
      maxOpenPerOperator: 1,
    });
    const { port } = receiver.address() as AddressInfo;
    await admin.ok('POST', '/api/automation/rules', {
      name: 'Invoices',
      trigger: { kind: 'event', event: 'message_received' },
      conditions: {
        match: 'all',
        groups: [
          {
            match: 'all',
            conditions: [{ field: 'message_text', op: 'contains_any', value: ['invoice'] }],
          },
        ],
      },
      actions: [
        { type: 'assign_round_robin', teamId: team.id },
        { type: 'call_webhook', url: `http://127.0.0.1:${port}/rule-hook` },
        { type: 'notify', operatorIds: [adminId], text: 'Invoice dispute' },
      ],
    });

    const { customer } = await createApiInbox(admin);
    for (const n of [1, 2, 3]) {
      await customer.say(`Invoice ${n} is wrong`, `inv-${n}`, {
        id: `payer-${n}`,
        name: `Payer ${n}`,
      });
    }
    const conversations = async () =>
      (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations?status=all')).items
        .filter((c) => c.lastMessagePreview?.startsWith('Invoice'))
        .sort((a, b) => a.number - b.number);
    await eventually(async () => received.length === 3, 10_000);
    const [first, second, third] = await conversations();
    // Round-robin: one each (maximum 1), the third waits in the team's queue.
    expect(new Set([first!.assigneeId, second!.assigneeId])).toEqual(
      new Set(agents.map((a) => a.id)),
    );
    expect(third!.assigneeId).toBeNull();
    const queue = await admin.ok<RoutingQueueEntryDto[]>('GET', '/api/routing/queue');
    expect(queue.map((q) => q.conversationId)).toEqual([third!.id]);

    // The webhook: signed with the account's rule secret, naming the rule and the conversation.
    const { secret } = await admin.ok<WebhookSecretDto>('GET', '/api/rule-webhooks/secret');
    for (const call of received) {
      const timestamp = String(call.headers['switchboard-webhook-timestamp']);
      const mac = createHmac('sha256', secret).update(`${timestamp}.${call.raw}`).digest('hex');
      expect(call.headers['switchboard-signature']).toBe(`v1=${mac}`);
    }
    const bodies = received.map(
      (r) =>
        JSON.parse(r.raw) as {
          type: string;
          data: { rule: { name: string }; payload: { conversation: { id: string } } };
        },
    );
    expect(bodies.every((b) => b.type === 'rule.webhook' && b.data.rule.name === 'Invoices')).toBe(
      true,
    );
    expect(new Set(bodies.map((b) => b.data.payload.conversation.id))).toEqual(
      new Set([first!.id, second!.id, third!.id]),
    );
    const runs = await admin.ok<Page<RuleRunDto>>(
      'GET',
      `/api/automation/runs?conversationId=${third!.id}`,
    );
    expect(runs.items).toHaveLength(1);
    expect(runs.items[0]!.actions.map((a) => a.type)).toEqual([
      'assign_round_robin',
      'call_webhook',
      'notify',
    ]);
    // The notification names the rule and carries its message.
    const notes = await admin.ok<Page<NotificationItemDto>>('GET', '/api/notifications');
    const fromRule = notes.items.filter((n) => n.type === 'rule');
    expect(fromRule).toHaveLength(3);
    expect(fromRule[0]!.detail).toEqual({ rule: 'Invoices', text: 'Invoice dispute' });

    // Room again: Rae's conversation closes, the queued one goes to her.
    const rae = agents[0]!;
    const raes = [first!, second!].find((c) => c.assigneeId === rae.id)!;
    await admin.ok('POST', `/api/conversations/${raes.id}/close`);
    await eventually(
      async () => (await conversations()).find((c) => c.id === third!.id)?.assigneeId === rae.id,
      5_000,
    );
    expect(received).toHaveLength(3);
  });
});
