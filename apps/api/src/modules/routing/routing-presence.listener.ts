import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { PresenceSignal } from '@switchboard/contracts';
import { EventStreamService } from '../../core/events/event-stream.service';
import { HandBackService } from './hand-back.service';
import { OperatorConnectionsService } from './operator-connections.service';
import { RoutingDrainService } from './routing-drain.service';

/**
 * Presence changes (the operator's `presence.set`, heard by every instance): coming online drains
 * their teams' queues; going away hands back their work in teams that ask for it. Handled where
 * the operator has a socket (the instance they told); both actions are safe to repeat.
 */
@Injectable()
export class RoutingPresenceListener implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly stream: EventStreamService,
    private readonly connections: OperatorConnectionsService,
    private readonly drain: RoutingDrainService,
    private readonly handBack: HandBackService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.stream.onSignal((signal) => {
      if (signal.kind !== 'presence') return;
      const { operatorId, status } = signal.data as PresenceSignal;
      if (!this.connections.holds(operatorId)) return;
      if (status === 'online') this.drain.soon(operatorId);
      else void this.handBack.onAway(signal.accountId, operatorId);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
