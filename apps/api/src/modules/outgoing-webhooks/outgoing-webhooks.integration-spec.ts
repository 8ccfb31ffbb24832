import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ConversationSummaryDto,
  CreatedWebhookSubscriptionDto,
  Page,
  WebhookDeliveryDto,
  WebhookSecretDto,
  WebhookSubscriptionDto,
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
import { AccountEntity } from '../accounts/entities/account.entity';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';
import { OutgoingWebhooksService } from './outgoing-webhooks.service';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  answered: number;
}

/** The verification recipe of docs/webhooks.md, exactly as an integrator would write it. */
function verify(secret: string, headers: IncomingHttpHeaders, raw: string): boolean {
  const timestamp = headers['switchboard-webhook-timestamp'] as string;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && headers['switchboard-signature'] === `v1=${expected}`;
}

/**
 * Outgoing webhooks against a real receiver on 127.0.0.1, with two API instances on one
 * database: each event is delivered once, signed as documented, retried after a 500, resent on
 * request; 410 disables the subscription; a rule's call is signed with the account's rule secret;
 * private targets are refused on save and again at send time.
 */
describe('outgoing webhooks', () => {
  let db: TestDatabase;
  let api1: TestApi;
  let api2: TestApi;
  let admin: ApiClient;
  let customer: ApiChannelCustomer;
  let receiver: Server;
  let base = '';
  let accountId = '';
  const received: Received[] = [];
  /** Statuses to answer per path, in order; then 200. */
  const script = new Map<string, number[]>();

  const bodyOf = (r: Received) =>
    JSON.parse(r.raw) as {
      id: string;
      type: string;
      accountId: string;
      data: { message?: { text: string | null } };
    };
  const log = (subId: string) =>
    admin.ok<Page<WebhookDeliveryDto>>('GET', `/api/webhook-subscriptions/${subId}/deliveries`);
  const subscribe = (path: string, eventTypes: string[], extra = {}) =>
    admin.ok<CreatedWebhookSubscriptionDto>('POST', '/api/webhook-subscriptions', {
      url: `${base}${path}`,
      description: `Receiver ${path}`,
      eventTypes,
      ...extra,
    });

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        const answered = script.get(path)?.shift() ?? 200;
        received.push({
          path,
          headers: req.headers,
          raw: Buffer.concat(chunks).toString(),
          answered,
        });
        res.writeHead(answered).end(answered === 200 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    db = await createTestDatabase();
    const env = { OUTGOING_WEBHOOK_RETRY_BASE_MS: '300' };
    api1 = await startTestApi({ databaseUrl: db.url, env });
    api2 = await startTestApi({ databaseUrl: db.url, env });
    admin = (await loginAs(api1.baseUrl)).client;
    customer = (await createApiInbox(admin)).customer;
    accountId = (await api1.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} }))
      .id;
  });

  afterAll(async () => {
    await api1?.close();
    await api2?.close();
    await db?.drop();
    await new Promise<void>((r) => receiver?.close(() => r()));
  });

  it('delivers every event once across two instances, signed, retrying after a 500', async () => {
    script.set('/a', [500]);
    const sub = await subscribe('/a', ['message.created', 'conversation.created']);
    expect(sub.secret).toMatch(/^whsec_/);
    const listed = await admin.ok<WebhookSubscriptionDto[]>('GET', '/api/webhook-subscriptions');
    expect(JSON.stringify(listed)).not.toContain(sub.secret);

    expect((await customer.say('Hello there', 'w-1')).status).toBe(200);
    const conversation = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations'))
      .items[0]!;
    // A note is not customer-visible: this subscription did not opt in.
    await admin.ok('POST', `/api/conversations/${conversation.id}/messages`, {
      text: 'Internal: VIP customer',
      kind: 'note',
    });
    for (let i = 2; i <= 8; i++) await customer.say(`Message ${i}`, `w-${i}`);

    // conversation.created + 8 customer messages, each answered 2xx exactly once.
    const delivered = await eventually(
      async () => {
        const ok = received.filter((r) => r.path === '/a' && r.answered === 200);
        return ok.length >= 9 ? ok : null;
      },
      20_000,
      100,
    );
    await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show
    const ids = received
      .filter((r) => r.path === '/a' && r.answered === 200)
      .map((r) => bodyOf(r).id);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    for (const r of received.filter((x) => x.path === '/a')) {
      expect(verify(sub.secret, r.headers, r.raw)).toBe(true);
      expect(verify('whsec_wrong', r.headers, r.raw)).toBe(false);
      expect(r.headers['switchboard-webhook-id']).toBe(bodyOf(r).id);
    }
    const types = delivered.map((r) => bodyOf(r).type).sort();
    expect(types.filter((t) => t === 'conversation.created')).toHaveLength(1);
    const texts = delivered.map((r) => bodyOf(r).data.message?.text).filter(Boolean);
    expect(texts).toContain('Hello there');
    expect(JSON.stringify(received)).not.toContain('VIP customer');
    expect(delivered.every((r) => bodyOf(r).accountId === accountId)).toBe(true);

    // The 500 was retried: the log shows that delivery with two attempts, delivered.
    const page = await log(sub.id);
    expect(page.items).toHaveLength(9);
    expect(page.items.every((d) => d.status === 'delivered' && d.lastStatusCode === 200)).toBe(
      true,
    );
    const retried = page.items.filter((d) => d.attempts === 2);
    expect(retried).toHaveLength(1);
    expect(received.filter((r) => bodyOf(r).id === retried[0]!.id).map((r) => r.answered)).toEqual([
      500, 200,
    ]);

    // Resend: a new attempt of the same delivery (same id), now.
    const again = await admin.ok<WebhookDeliveryDto>(
      'POST',
      `/api/webhook-deliveries/${retried[0]!.id}/resend`,
    );
    expect(again.status).toBe('pending');
    const resent = await eventually(async () => {
      const d = (await log(sub.id)).items.find((x) => x.id === again.id)!;
      return d.status === 'delivered' && d.attempts === 3 ? d : null;
    });
    expect(resent.lastStatusCode).toBe(200);
    expect(received.filter((r) => bodyOf(r).id === again.id).map((r) => r.answered)).toEqual([
      500, 200, 200,
    ]);
    await admin.ok('DELETE', `/api/webhook-subscriptions/${sub.id}`);
  });

  it('disables a subscription whose endpoint answers 410 Gone', async () => {
    script.set('/gone', [410]);
    const sub = await subscribe('/gone', ['message.created']);
    await customer.say('Anyone?', 'g-1');
    const failed = await eventually(async () => {
      const d = (await log(sub.id)).items[0];
      return d?.status === 'failed' ? d : null;
    });
    expect(failed).toMatchObject({ attempts: 1, lastStatusCode: 410 });
    const state = await admin.ok<WebhookSubscriptionDto>(
      'GET',
      `/api/webhook-subscriptions/${sub.id}`,
    );
    expect(state).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410/) });
    await customer.say('Still there?', 'g-2');
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await log(sub.id)).items).toHaveLength(1);
    expect(received.filter((r) => r.path === '/gone')).toHaveLength(1);
  });

  it("signs a rule's call with the account's rule secret and logs it", async () => {
    const service = api2.app.get(OutgoingWebhooksService);
    await api2.dataSource.transaction((em) =>
      service.enqueueRuleCall(em, accountId, {
        url: `${base}/rule`,
        ruleId: '00000000-0000-4000-8000-000000000001',
        ruleName: 'VIP',
        body: { hello: 'rule' },
      }),
    );
    const call = await eventually(async () => received.find((r) => r.path === '/rule') ?? null);
    const { secret } = await admin.ok<WebhookSecretDto>('GET', '/api/rule-webhooks/secret');
    expect(verify(secret, call.headers, call.raw)).toBe(true);
    expect(bodyOf(call)).toMatchObject({
      type: 'rule.webhook',
      data: { rule: { name: 'VIP' }, payload: { hello: 'rule' } },
    });
    const rules = await admin.ok<Page<WebhookDeliveryDto>>('GET', '/api/rule-webhooks/deliveries');
    expect(rules.items[0]).toMatchObject({ rule: { name: 'VIP' }, eventType: 'rule.webhook' });
  });

  it('refuses bad subscriptions, and private targets on save and at send time', async () => {
    const bad = await admin.request('POST', '/api/webhook-subscriptions', {
      url: `${base}/x`,
      eventTypes: [],
    });
    expect(bad.status).toBe(400);
    const ftp = await admin.request<{ code: string }>('POST', '/api/webhook-subscriptions', {
      url: 'ftp://example.com/x',
      eventTypes: ['message.created'],
    });
    expect(ftp.status).toBe(422);

    // The production policy (what every other spec relaxes to reach 127.0.0.1).
    await api2.close();
    const strict = await startTestApi({
      databaseUrl: db.url,
      env: { ALLOW_PRIVATE_NETWORK_TARGETS: 'false', OUTGOING_WEBHOOK_RETRY_BASE_MS: '300' },
    });
    api2 = strict;
    const strictAdmin = (await loginAs(strict.baseUrl)).client;
    const count = async () =>
      (await strictAdmin.ok<WebhookSubscriptionDto[]>('GET', '/api/webhook-subscriptions')).length;
    const before = await count();
    for (const [url, reason] of [
      ['https://127.0.0.1/hook', '127.0.0.1 is a loopback'],
      ['https://localhost/hook', 'localhost resolves to'],
      ['https://169.254.169.254/latest', '169.254.169.254 is'],
      ['http://93.184.216.34/hook', 'must be https'],
    ] as const) {
      const r = await strictAdmin.request<{ code: string; message: string }>(
        'POST',
        '/api/webhook-subscriptions',
        { url, eventTypes: ['message.created'] },
      );
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('WEBHOOK_TARGET_REFUSED');
      expect(r.body.message).toContain(reason);
    }
    await expect(
      strict.app.get(OutgoingWebhooksService).checkUrl('https://10.0.0.1/x'),
    ).rejects.toMatchObject({ code: 'WEBHOOK_TARGET_REFUSED' });
    expect(await count()).toBe(before);

    // Saved while public, private now (DNS rebinding): refused at send time, not retried.
    const sub = await strictAdmin.ok<CreatedWebhookSubscriptionDto>(
      'POST',
      '/api/webhook-subscriptions',
      { url: 'https://93.184.216.34/hook', eventTypes: ['message.created'] },
    );
    await strict.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .update(sub.id, { url: `https://localhost:1/hook` });
    await customer.say('Are you there?', 'p-1');
    const failed = await eventually(async () => {
      const d = (
        await strictAdmin.ok<Page<WebhookDeliveryDto>>(
          'GET',
          `/api/webhook-subscriptions/${sub.id}/deliveries`,
        )
      ).items[0];
      return d?.status === 'failed' ? d : null;
    });
    expect(failed.lastError).toMatch(/localhost resolves to .*loopback, private or link-local/);
    expect(failed.attempts).toBe(1);
  });
});
