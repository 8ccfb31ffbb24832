import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { AutomationRulesRepository } from './automation-rules.repository';
import { TRIGGER_EVENT_TYPES, triggersOf } from './engine/event-triggers';
import { RuleEngineService } from './rule-engine.service';

/**
 * Event triggers: every committed stream event of an account, in cursor order, exactly once
 * across instances (the durable consumer moves its cursor in this transaction). Accounts without
 * enabled event rules cost one indexed read per wake-up, and their events are never read.
 */
@Injectable()
export class RuleEventConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'automation-rules';
  readonly eventTypes = TRIGGER_EVENT_TYPES;

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly rules: AutomationRulesRepository,
    private readonly engine: RuleEngineService,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async isIdle(em: EntityManager, accountId: string): Promise<boolean> {
    return !(await this.rules.hasEnabledEventRules(em, accountId));
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
