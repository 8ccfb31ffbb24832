import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { AutomationRulesRepository } from './automation-rules.repository';
import { triggersOf } from './engine/event-triggers';
import { RuleEngineService } from './rule-engine.service';

/**
 * Event triggers: every committed stream event of an account, in cursor order, exactly once
 * across instances (the durable consumer moves its cursor in this transaction). Accounts without
 * enabled event rules cost one indexed read per batch.
 */
@Injectable()
export class RuleEventConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'automation-rules';

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly rules: AutomationRulesRepository,
    private readonly engine: RuleEngineService,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async handle(em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void> {
    const firings = events.flatMap(({ event, originRuleId }) =>
      triggersOf(event, originRuleId).map((f) => ({ ...f, accountId, originRuleId })),
    );
    if (firings.length === 0) return;
    const enabled = await this.rules.listEnabled(em, accountId);
    if (!enabled.some((r) => r.trigger.kind === 'event')) return;
    for (const firing of firings) await this.engine.fire(em, firing, enabled);
  }
}
