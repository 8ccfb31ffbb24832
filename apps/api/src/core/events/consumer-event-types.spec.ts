import type { StreamEvent, StreamEventType } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { TRIGGER_EVENT_TYPES, triggersOf } from '../../modules/automation/engine/event-triggers';
import { CsatCloseConsumer, closingOf } from '../../modules/csat/csat-close-consumer';
import { REPORT_EVENT_TYPES, reportInputOf } from '../../modules/reports/report-fold';
import { RoutingDrainConsumer } from '../../modules/routing/routing-drain.consumer';
import { SLA_EVENT_TYPES, slaHappeningOf } from '../../modules/sla/sla-event-consumer';

/** Every type of the stream: a missing or unknown key fails to compile, so this cannot drift. */
const ALL_TYPES: Record<StreamEventType, true> = {
  'conversation.created': true,
  'conversation.updated': true,
  'conversation.deleted': true,
  'message.created': true,
  'message.updated': true,
  'message.sending': true,
  'message.unsent': true,
  'notification.created': true,
  'notifications.read': true,
  'operator.updated': true,
  'access.changed': true,
  'conversation.messages_moved': true,
  'task.changed': true,
  'conversation.sla': true,
  'routing.queue_changed': true,
  'time.changed': true,
  'csat.answered': true,
};

/** An event whose payload may not be looked at: any read of it throws. */
function unreadable(type: StreamEventType): StreamEvent {
  const payload = new Proxy(
    {},
    {
      get: (_t, key) => {
        throw new Error(`read ${String(key)} of a ${type} payload`);
      },
    },
  );
  return {
    cursor: 1,
    type,
    conversationId: 'c',
    at: new Date(0).toISOString(),
    payload,
  } as StreamEvent;
}

const skipped = (read: readonly StreamEventType[]) =>
  (Object.keys(ALL_TYPES) as StreamEventType[]).filter((t) => !read.includes(t));

/**
 * A durable consumer's `eventTypes` leaves the other types' payloads unread and never hands them
 * over. That is only safe while its reader ignores every other type: checked here for each one,
 * with payloads that throw when touched.
 */
describe('durable consumers read only the event types they declare', () => {
  it.each([
    ['reports', REPORT_EVENT_TYPES, (e: StreamEvent) => reportInputOf(e)],
    ['sla', SLA_EVENT_TYPES, (e: StreamEvent) => slaHappeningOf(e)],
    ['automation', TRIGGER_EVENT_TYPES, (e: StreamEvent) => triggersOf(e, null)],
  ] as const)('%s', (_name, types, read) => {
    for (const type of skipped(types)) {
      const found: unknown = read(unreadable(type));
      const nothing = found === null || (Array.isArray(found) && found.length === 0);
      expect([type, nothing ? 'nothing' : found]).toEqual([type, 'nothing']);
    }
  });

  it('csat', () => {
    const consumer = new CsatCloseConsumer(null as never, null as never);
    for (const type of skipped(consumer.eventTypes)) expect(closingOf(unreadable(type))).toBeNull();
  });

  it('routing', async () => {
    let kicks = 0;
    const consumer = new RoutingDrainConsumer(
      null as never,
      { kick: () => kicks++ } as never,
      { onAway: () => Promise.resolve() } as never,
    );
    const events = skipped(consumer.eventTypes).map((type) => ({
      event: unreadable(type),
      originRuleId: null,
    }));
    await consumer.handle(null as unknown as EntityManager, 'a', events);
    expect(kicks).toBe(0);
  });
});
