import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { StreamEvent, StreamEventType } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { SlaBreachWriter } from './sla-breach-writer.service';
import { SlaClockService, type SlaCompletion, type SlaHappening } from './sla-clock.service';
import { SlaTargetsRepository } from './sla-targets.repository';

/** The types slaHappeningOf reads; any other is null to it (the consumer skips their payloads). */
export const SLA_EVENT_TYPES: readonly StreamEventType[] = [
  'conversation.created',
  'message.created',
];

/** What an event means for SLA clocks, if anything. */
export function slaHappeningOf(event: StreamEvent): SlaHappening | null {
  if (event.type === 'conversation.created') return 'created';
  if (event.type !== 'message.created') return null;
  const m = event.payload.message;
  if (m.kind === 'activity' && m.activity) {
    const a = m.activity;
    switch (a.type) {
      case 'status_changed':
        if (a.to === 'closed') return 'closed';
        if (a.to === 'snoozed') return a.from === 'snoozed' ? null : 'snoozed';
        return a.from === 'closed' ? 'reopened' : 'woke';
      case 'snooze_expired':
      case 'unsnoozed_by_customer':
        return 'woke';
      case 'reopened_by_customer':
        return 'reopened';
      case 'merged_into':
        return 'closed';
      default:
        return null;
    }
  }
  if (m.direction === 'incoming') return 'customer_message';
  // Only a person's reply answers the customer; automatic mail and notes do not.
  if (m.kind === 'message' && m.sender.type === 'operator') return 'operator_reply';
  return null;
}

/** A completed target's outcome, with the happening that completed it. */
type Outcome = SlaCompletion & { at: Date; by: string | null };

/** Who replied, when an operator's reply completes a response target. */
function replier(event: StreamEvent): string | null {
  if (event.type !== 'message.created') return null;
  const { sender } = event.payload.message;
  return sender.type === 'operator' ? sender.id : null;
}

/**
 * Keeps SLA clocks in step with what happens, whichever path wrote it (the SQL ingest fast path
 * included), off the hot path: a durable event consumer, so each event moves the clocks exactly
 * once across instances, in the account's order, within moments of its commit. The clocks start
 * at the event's own time, so a consumer that runs late computes the same due times.
 */
@Injectable()
export class SlaEventConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'sla';
  readonly eventTypes = SLA_EVENT_TYPES;
  private readonly logger = new Logger(SlaEventConsumer.name);

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly targets: SlaTargetsRepository,
    private readonly clock: SlaClockService,
    private readonly breach: SlaBreachWriter,
    private readonly conversations: ConversationsRepository,
    private readonly events: EventLogService,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  /** An account without policies has no clock to move: its events are passed over unread. */
  async isIdle(em: EntityManager, accountId: string): Promise<boolean> {
    return !(await this.targets.accountHasPolicies(em, accountId));
  }

  async handle(em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void> {
    const relevant = events.flatMap(({ event }) => {
      const what = slaHappeningOf(event);
      return what && event.conversationId
        ? [
            {
              what,
              conversationId: event.conversationId,
              at: new Date(event.at),
              by: replier(event),
            },
          ]
        : [];
    });
    // An account without policies does not get here (isIdle, asked just before the batch).
    if (relevant.length === 0) return;
    const pending: PendingEvent[] = [];
    const touched = new Set<string>();
    const outcomes = new Map<string, Outcome[]>();
    // Locks in id order (as bulk changes do), then applies the events in the log's order.
    const ids = [...new Set(relevant.map((r) => r.conversationId))].sort();
    for (const id of ids) {
      if (!(await this.conversations.lockForAccount(em, accountId, id))) continue;
      // A SAVEPOINT per conversation: one that fails is logged and skipped, the batch goes on.
      try {
        const breaches: PendingEvent[] = [];
        await em.transaction(async (inner) => {
          const found: Outcome[] = [];
          for (const r of relevant.filter((x) => x.conversationId === id)) {
            const conv = await this.conversations.lockForAccount(inner, accountId, id);
            if (!conv) continue;
            const applied = await this.clock.apply(inner, conv, r.what, r.at);
            if (applied.changed) touched.add(id);
            // A target the poller already breached has had its event; the others get theirs.
            for (const c of applied.completed.filter((x) => x.met || x.breachedNow)) {
              found.push({ ...c, at: r.at, by: r.by });
              if (c.breachedNow) breaches.push(...(await this.breach.write(inner, conv, c.target)));
            }
          }
          outcomes.set(id, found);
        });
        pending.push(...breaches);
      } catch (err) {
        touched.delete(id);
        outcomes.delete(id);
        this.logger.error(`SLA clocks of conversation ${id} failed: ${(err as Error).message}`);
      }
    }
    for (const id of touched) {
      const conversation = await this.conversations.loadSummary(em, id);
      // Each outcome once, in the stream: the reports count met and breached targets from these.
      for (const o of outcomes.get(id) ?? []) {
        pending.push({
          type: 'conversation.sla',
          conversationId: id,
          payload: {
            conversation,
            target: o.target,
            state: o.met ? 'met' : 'breached',
            dueAt: o.dueAt.toISOString(),
            completedAt: o.at.toISOString(),
            repliedBy: o.by,
          },
        });
      }
      pending.push({ type: 'conversation.updated', conversationId: id, payload: { conversation } });
    }
    await this.events.append(em, accountId, pending);
  }
}
