import type { ReportDto, StreamEventPayloads } from '@switchboard/contracts';
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
import { EventEntity } from '../../core/events/entities/event.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { SlaTargetEntity } from './entities/sla-target.entity';
import { slaTestReads } from './testing/sla-test-reads';

type SlaPayload = StreamEventPayloads['conversation.sla'];

/**
 * Each completed SLA target's outcome is one `conversation.sla` event written by the SLA
 * consumer, and the reports count those: so the figures do not depend on which consumer reads
 * a reply first. A reply in time is met, for whoever wrote it; one after the due time that the
 * poller had not come to yet is breached at once, with its timeline line, and never twice.
 */
describe('SLA outcomes', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let customer: ApiChannelCustomer;
  let me: string;

  const { conversationOf, targets } = slaTestReads(() => api.dataSource);
  const slaEvents = async (conversationId: string) =>
    (
      await api.dataSource
        .getRepository(EventEntity)
        .find({ where: { conversationId, type: 'conversation.sla' }, order: { id: 'ASC' } })
    ).map((e) => e.payload as SlaPayload);
  const started = async (name: string) => {
    await customer.say('hello', undefined, { id: name, name });
    const conv = await conversationOf(name);
    await eventually(async () => (await targets(conv.id)).length === 2);
    return conv;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    me = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    const created = await createApiInbox(admin);
    customer = created.customer;
    await admin.ok('POST', '/api/sla-policies', {
      inboxId: created.inbox.id,
      firstResponseMinutes: 60,
      nextResponseMinutes: 30,
      resolutionMinutes: 600,
      businessHours: false,
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('writes met and late outcomes once, and the reports count them for the replier', async () => {
    // In time: the first response and, at the close, the resolution are met.
    const onTime = await started('in-time');
    const reply = await admin.ok<{ id: string; createdAt: string }>(
      'POST',
      `/api/conversations/${onTime.id}/messages`,
      { text: 'On it' },
    );
    await admin.ok('POST', `/api/conversations/${onTime.id}/close`);
    const met = await eventually(async () => {
      const events = await slaEvents(onTime.id);
      return events.length === 2 ? events : null;
    });
    expect(met.map((e) => [e.target, e.state])).toEqual([
      ['first_response', 'met'],
      ['resolution', 'met'],
    ]);
    expect(met[0]).toMatchObject({ repliedBy: me });
    expect(Math.abs(Date.parse(met[0]!.completedAt!) - Date.parse(reply.createdAt))).toBeLessThan(
      1_000,
    );

    // Late, before the poller came to it (its next look is an hour away): breached by the reply.
    const late = await started('late');
    await api.dataSource
      .getRepository(SlaTargetEntity)
      .update(
        { conversationId: late.id, target: 'first_response' },
        { dueAt: new Date(Date.now() - 5_000), checkAt: new Date(Date.now() + 3_600_000) },
      );
    await admin.ok('POST', `/api/conversations/${late.id}/messages`, {
      text: 'Sorry for the wait',
    });
    const breached = await eventually(async () => {
      const events = await slaEvents(late.id);
      return events.length > 0 ? events : null;
    });
    expect(breached.map((e) => [e.target, e.state])).toEqual([['first_response', 'breached']]);
    const first = (await targets(late.id)).find((t) => t.target === 'first_response')!;
    expect(first).toMatchObject({ state: 'breached', checkAt: null });
    expect(first.completedAt).not.toBeNull();
    const lines = await api.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where("m.conversation_id = :id AND m.activity->>'type' = 'sla_breached'", { id: late.id })
      .getCount();
    expect(lines).toBe(1);
    // The poller never breaches a completed target again.
    await api.app.get((await import('./sla-poller.service')).SlaPollerService).sweep();
    expect(await slaEvents(late.id)).toHaveLength(1);

    // The reports: met twice (the reply counted for whoever wrote it), breached once.
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const period = `from=${day(-1)}&to=${day(1)}`;
    const report = await eventually(async () => {
      const r = await admin.ok<ReportDto>('GET', `/api/reports?${period}&groupBy=operator`);
      return r.totals.sla.met + r.totals.sla.breached === 3 ? r : null;
    });
    expect(report.totals.sla).toEqual({ met: 2, breached: 1, compliance: 2 / 3 });
    // The reply's met counts for its writer; the close's and the breach for the owner (none).
    const bySla = (key: string | null) => report.series.find((s) => s.key === key)!.totals.sla;
    expect(bySla(me)).toMatchObject({ met: 1, breached: 0 });
    expect(bySla(null)).toMatchObject({ met: 1, breached: 1 });
  });
});
