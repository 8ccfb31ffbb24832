import type { ConversationSummaryDto, InboxDto } from '@switchboard/contracts';
import { createApiInbox } from '@switchboard/testing';
import { In } from 'typeorm';
import { EventLogService } from '../../../core/events/event-log.service';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { ReportConversationStateEntity } from '../entities/report-conversation-state.entity';
import { ReportCycleEntity } from '../entities/report-cycle.entity';
import { ReportDailyEntity } from '../entities/report-daily.entity';
import { ReportResponseEntity } from '../entities/report-response.entity';
import { ReportSpanEntity } from '../entities/report-span.entity';
import { appendAt, synthetic as ev, type SyntheticConversation } from './report-events';
import type { ReportsTestContext } from './reports-test-kit';

/** What the scenario made: the second inbox (web chat), and conversations C1–C4. */
export interface BerlinScenario {
  second: InboxDto;
  ids: string[];
}

/**
 * A hand-computed Europe/Berlin scenario across the DST change (2026-10-25 has 25 hours), driven
 * through the real consumer with events at chosen instants: two reopens, a merge, business hours,
 * first and next responses per operator, SLA, CSAT/NPS. C1 and C2 are tagged vip. The figures it
 * must give are asserted in reports.integration-spec.ts.
 */
export async function seedBerlinScenario(t: ReportsTestContext): Promise<BerlinScenario> {
  const { admin, api, accountId, adminId, agentId, inbox, customer, conversationOf, drain } = t;
  await admin.ok('PATCH', '/api/account', { timezone: 'Europe/Berlin' });
  const bId = agentId;
  const a = adminId;
  // The second inbox is a web chat (a conversation's channel is its inbox's kind); nothing of it
  // runs here but its conversations' events.
  const second = (await createApiInbox(admin, 'Second inbox')).inbox;
  await api.dataSource.getRepository(InboxEntity).update(second.id, { kind: 'webchat' });
  // Inbox 1 opens Mon–Fri 09:00–17:00 Berlin time; the second is always open.
  await api.dataSource.getRepository(InboxEntity).update(inbox.id, {
    businessHours: {
      timezone: 'Europe/Berlin',
      intervals: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
      holidays: [],
    },
  });
  // Real conversations (the tag dimension joins their current tags); their live facts are
  // cleared so that only the scenario's events count (the rollup cells keep counting them,
  // today: outside the scenario's days, and still open, so its backlog is the same).
  const ids: string[] = [];
  for (const name of ['c1', 'c2', 'c3', 'c4']) {
    await customer.say('hi', undefined, { id: name, name });
    ids.push((await conversationOf(name)).id);
  }
  await admin.ok('POST', `/api/conversations/${ids[0]}/tags`, { name: 'vip' });
  const { tags } = await admin.ok<ConversationSummaryDto>(
    'POST',
    `/api/conversations/${ids[1]}/tags`,
    { name: 'vip' },
  );
  await drain();
  for (const e of [
    ReportDailyEntity,
    ReportResponseEntity,
    ReportCycleEntity,
    ReportSpanEntity,
    ReportConversationStateEntity,
  ])
    await api.dataSource.getRepository(e).delete({ conversationId: In(ids) });

  const c1: SyntheticConversation = {
    id: ids[0]!,
    inboxId: inbox.id,
    channel: 'api',
    assigneeId: a,
    tags,
  };
  const c2: SyntheticConversation = {
    id: ids[1]!,
    inboxId: inbox.id,
    channel: 'api',
    assigneeId: bId,
    tags,
  };
  const c2a = { ...c2, assigneeId: a };
  const c3: SyntheticConversation = {
    id: ids[2]!,
    inboxId: second.id,
    channel: 'webchat',
    assigneeId: null,
  };
  const c4: SyntheticConversation = {
    id: ids[3]!,
    inboxId: second.id,
    channel: 'webchat',
    assigneeId: a,
  };
  const by = { id: a, name: 'Admin' };
  const closed = { type: 'status_changed', from: 'open', to: 'closed', by } as const;
  await appendAt(api.dataSource, api.app.get(EventLogService), accountId, [
    // Friday 16:00 CEST: C1 asks; answered Monday 09:30 CET, closed at 10:00 CET.
    ['2026-10-23T14:00:00Z', ev.created(c1)],
    ['2026-10-23T14:00:00Z', ev.customer(c1)],
    // The DST day: C3 from 00:05 CEST to 23:30 CET on the 25th (24 h 25 min).
    ['2026-10-24T22:05:00Z', ev.created(c3)],
    ['2026-10-25T22:30:00Z', ev.activity(c3, closed)],
    ['2026-10-26T08:00:00Z', ev.created(c2)],
    ['2026-10-26T08:00:00Z', ev.customer(c2)],
    ['2026-10-26T08:10:00Z', ev.reply(c2, bId)],
    // C2's first response was due at 08:15: the SLA consumer's outcome, a moment after the reply.
    ['2026-10-26T08:10:01Z', ev.slaMet(c2, '2026-10-26T08:15:00Z', '2026-10-26T08:10:00Z', bId)],
    ['2026-10-26T08:20:00Z', ev.customer(c2)],
    ['2026-10-26T08:25:00Z', ev.customer(c2)],
    ['2026-10-26T08:30:00Z', ev.reply(c1, a)],
    ['2026-10-26T08:40:00Z', ev.reply(c2, bId)],
    ['2026-10-26T09:00:00Z', ev.activity(c1, closed)],
    ['2026-10-26T09:00:00Z', ev.activity(c2, closed)],
    ['2026-10-26T09:00:00Z', ev.breached(c1, '2026-10-26T09:00:00Z')],
    // C4 asks at 09:50 and is merged into C2, which was reopened by its customer at 10:00.
    ['2026-10-26T09:40:00Z', ev.created(c4)],
    ['2026-10-26T09:50:00Z', ev.customer(c4)],
    ['2026-10-26T10:00:00Z', ev.activity(c2a, { type: 'reopened_by_customer' })],
    ['2026-10-26T10:00:00Z', ev.customer(c2a)],
    [
      '2026-10-26T10:02:00Z',
      ev.activity(c4, {
        type: 'merged_into',
        by,
        target: { id: c2.id, number: 1 },
        movedCount: 1,
      }),
    ],
    ['2026-10-26T10:05:00Z', ev.reply(c2a, a)],
    ['2026-10-26T11:00:00Z', ev.activity(c2a, closed)],
    [
      '2026-10-26T12:00:00Z',
      ev.activity(c2, { type: 'status_changed', from: 'closed', to: 'open', by }),
    ],
    ['2026-10-26T12:30:00Z', ev.activity(c2, closed)],
    ['2026-10-26T13:00:00Z', ev.survey(c1, 'csat', 5)],
    ['2026-10-26T13:00:00Z', ev.survey(c3, 'csat', 2)],
    ['2026-10-26T13:00:00Z', ev.survey(c2, 'nps', 9)],
    ['2026-10-26T13:00:00Z', ev.survey(c1, 'nps', 3)],
  ] as const);
  await drain();
  return { second, ids };
}
