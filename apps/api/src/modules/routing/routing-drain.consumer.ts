import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { HandBackService } from './hand-back.service';
import { RoutingDrainService } from './routing-drain.service';

/** Activities after which someone may have room, or a conversation may need routing. */
const ROOM_ACTIVITIES = new Set(['status_changed', 'assigned', 'team_assigned', 'snooze_expired']);

/**
 * Drains promptly (milliseconds, not the safety poll's second) after a change that can free
 * room: a close or snooze, a reassignment, a conversation given to a team, an operator switching
 * to online; hands back on switching to away where the team asks for it. Both run after this
 * batch, on their own transactions and locks; the poll covers a drain that failed.
 */
@Injectable()
export class RoutingDrainConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'routing-drain';
  /** What `handle` looks at: room-making activities and presence switches. */
  readonly eventTypes = ['message.created', 'operator.updated'] as const;

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly drain: RoutingDrainService,
    private readonly handBack: HandBackService,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  handle(_em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void> {
    let relevant = false;
    for (const { event } of events) {
      if (event.type === 'message.created') {
        const type = event.payload.message.activity?.type;
        relevant ||= type !== undefined && ROOM_ACTIVITIES.has(type);
      } else if (event.type === 'operator.updated') {
        // The profile's presence switch: online may drain, away may hand back (per team).
        const { id, presence, active } = event.payload.operator;
        if (presence === 'online' && active) relevant = true;
        else void this.handBack.onAway(accountId, id);
      }
    }
    if (relevant) this.drain.kick();
    return Promise.resolve();
  }
}
