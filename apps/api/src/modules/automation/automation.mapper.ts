import type { RuleDto, RuleRunDto } from '@switchboard/contracts';
import type { RunRow } from './automation-runs.repository';
import type { AutomationRuleEntity } from './entities/automation-rule.entity';

export function toRuleDto(r: AutomationRuleEntity): RuleDto {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    trigger: r.trigger,
    conditions: r.conditions,
    actions: r.actions,
    position: r.position,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
  };
}

export function toRuleRunDto(r: RunRow): RuleRunDto {
  return {
    id: r.id,
    rule: { id: r.rule_id, name: r.rule_name },
    conversation:
      r.conversation_id && r.conversation_number !== null
        ? { id: r.conversation_id, number: r.conversation_number }
        : null,
    trigger: r.trigger,
    outcome: r.outcome,
    actions: r.actions,
    reason: r.reason,
    at: r.at.toISOString(),
  };
}
