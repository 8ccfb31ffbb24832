import { Injectable, OnModuleInit } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { CsatRepository } from './csat.repository';

interface Closing {
  conversationId: string;
  inboxId: string;
  contactId: string;
  at: Date;
}

/** A conversation closed by anyone (operator, rule, bulk): its timeline's status activity. */
export function closingOf(event: StreamEvent): Closing | null {
  if (event.type !== 'message.created' || !event.conversationId) return null;
  const a = event.payload.message.activity;
  if (event.payload.message.kind !== 'activity' || a?.type !== 'status_changed') return null;
  if (a.to !== 'closed') return null;
  const c = event.payload.conversation;
  return {
    conversationId: c.id,
    inboxId: c.inboxId,
    contactId: c.contact.id,
    at: new Date(event.at),
  };
}

/**
 * Schedules the survey when a conversation is closed: a durable consumer, so each close is seen
 * once across instances, and the due row commits with the consumer's cursor. The send itself
 * (CsatSenderService) re-checks everything at its due time.
 */
@Injectable()
export class CsatCloseConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'csat-surveys';
  /** closingOf reads only the timeline's status activity. */
  readonly eventTypes = ['message.created'] as const;

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly repo: CsatRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  /** No inbox sends surveys: closes are passed over unread. */
  async isIdle(em: EntityManager, accountId: string): Promise<boolean> {
    return !(await this.repo.surveysEnabled(em, accountId));
  }

  async handle(em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void> {
    for (const { event } of events) {
      const closing = closingOf(event);
      if (!closing) continue;
      const settings = await this.repo.settings(closing.inboxId, em);
      if (!settings?.enabled) continue;
      await this.repo.schedule(em, {
        accountId,
        conversationId: closing.conversationId,
        contactId: closing.contactId,
        closedAt: closing.at,
        dueAt: new Date(closing.at.getTime() + settings.delayMinutes * 60_000),
      });
    }
  }
}
