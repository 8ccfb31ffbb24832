import { z } from 'zod';
import type { IsoDateTime } from './dtos';
import { CHANNEL_KINDS, CONVERSATION_STATUSES } from './enums';
import { CONVERSATION_PRIORITIES } from './priority';
import { safeText } from './safe-text';

/*
 * Automation rules: an ordered list per account, each "when <trigger>, if <conditions>, do
 * <actions>". The shapes below are the API's request and answer bodies and the SPA's editor model.
 */

export const MAX_RULES_PER_ACCOUNT = 200;
export const MAX_RULE_NAME_LENGTH = 120;
export const MAX_RULE_ACTIONS = 20;
export const MAX_RULE_CONDITIONS = 50;
export const MAX_RULE_WORDS = 100;
/** The longest delay of a time trigger: 90 days, in minutes. */
export const MAX_TRIGGER_MINUTES = 90 * 24 * 60;

/** Triggers fired by an event of the conversation stream. */
export const RULE_EVENT_TRIGGERS = [
  'conversation_created',
  'message_received',
  'reply_sent',
  'status_changed',
  'assigned',
  'tag_added',
  /** An SLA target of the conversation reached its warning point or was breached. */
  'sla_warning',
  'sla_breached',
  /** The customer answered a satisfaction survey (`csat_rating` tests the rating). */
  'csat_received',
] as const;
export type RuleEventTrigger = (typeof RULE_EVENT_TRIGGERS)[number];

/** Triggers fired by time passing: `minutes` after the moment each one names. */
export const RULE_TIME_TRIGGERS = [
  /** The customer's newest message has had no operator reply for N minutes (open conversations). */
  'no_operator_reply',
  /** Our newest reply has had no customer answer for N minutes (open conversations). */
  'no_customer_reply',
  /** Snoozed for longer than N minutes. */
  'snoozed_longer',
  /** Open and unassigned for longer than N minutes since it was created or reopened. */
  'waiting_longer',
] as const;
export type RuleTimeTrigger = (typeof RULE_TIME_TRIGGERS)[number];

export const ruleTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: z.enum(RULE_EVENT_TRIGGERS) }),
  z.object({
    kind: z.literal('time'),
    after: z.enum(RULE_TIME_TRIGGERS),
    minutes: z.number().int().min(1).max(MAX_TRIGGER_MINUTES),
  }),
]);
export type RuleTrigger = z.infer<typeof ruleTriggerSchema>;

const ids = () => z.array(z.string().uuid()).min(1).max(100);
const words = () => z.array(safeText().trim().min(1).max(200)).min(1).max(MAX_RULE_WORDS);

/**
 * One test on the conversation (and, for message triggers, the message that fired it). Words match
 * case-insensitively in any script, as whole words or phrases (NFC, Unicode case folding).
 */
export const ruleConditionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('inbox'), op: z.enum(['is', 'is_not']), value: ids() }),
  z.object({
    field: z.literal('channel'),
    op: z.enum(['is', 'is_not']),
    value: z.array(z.enum(CHANNEL_KINDS)).min(1),
  }),
  z.object({
    field: z.literal('message_text'),
    op: z.enum(['contains_any', 'contains_none']),
    value: words(),
  }),
  z.object({
    field: z.literal('tags'),
    op: z.enum(['has_any', 'has_all', 'has_none']),
    value: words(),
  }),
  z.object({
    field: z.literal('priority'),
    op: z.enum(['is', 'is_not']),
    value: z.array(z.enum(CONVERSATION_PRIORITIES)).min(1),
  }),
  z.object({
    field: z.literal('status'),
    op: z.enum(['is', 'is_not']),
    value: z.array(z.enum(CONVERSATION_STATUSES)).min(1),
  }),
  z.object({
    field: z.literal('contact_attribute'),
    key: z.string().min(1).max(64),
    op: z.enum(['equals', 'not_equals', 'is_set', 'is_not_set']),
    value: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
  }),
  z.object({
    field: z.literal('language'),
    op: z.enum(['is', 'is_not']),
    value: z.array(z.string().min(2).max(35)).min(1),
  }),
  z.object({
    field: z.literal('assignee'),
    op: z.enum(['is', 'is_not', 'is_unassigned', 'is_assigned']),
    value: z.array(z.string().uuid()).max(100).optional(),
  }),
  z.object({
    field: z.literal('team'),
    op: z.enum(['is', 'is_not', 'is_unassigned', 'is_assigned']),
    value: z.array(z.string().uuid()).max(100).optional(),
  }),
  z.object({ field: z.literal('business_hours'), op: z.enum(['inside', 'outside']) }),
  /** The survey rating that fired `csat_received` (never matches on other triggers). */
  z.object({
    field: z.literal('csat_rating'),
    op: z.enum(['lte', 'gte']),
    value: z.number().int().min(0).max(10),
  }),
]);
export type RuleCondition = z.infer<typeof ruleConditionSchema>;
export type RuleConditionField = RuleCondition['field'];

/** Groups: the rule's `match` joins its groups; each group's `match` joins its conditions. */
export const ruleConditionGroupSchema = z.object({
  match: z.enum(['all', 'any']),
  conditions: z.array(ruleConditionSchema).min(1).max(MAX_RULE_CONDITIONS),
});
export const ruleConditionsSchema = z.object({
  match: z.enum(['all', 'any']),
  /** No groups: the rule applies to every conversation its trigger fires for. */
  groups: z.array(ruleConditionGroupSchema).max(10),
});
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export const ruleActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign_operator'), operatorId: z.string().uuid() }),
  z.object({ type: z.literal('assign_team'), teamId: z.string().uuid() }),
  /** Round-robin among the team's online members with room (the team's routing settings). */
  z.object({ type: z.literal('assign_round_robin'), teamId: z.string().uuid() }),
  z.object({ type: z.literal('unassign') }),
  z.object({ type: z.literal('add_tags'), tags: words() }),
  z.object({ type: z.literal('remove_tags'), tags: words() }),
  z.object({ type: z.literal('set_priority'), priority: z.enum(CONVERSATION_PRIORITIES) }),
  z.object({ type: z.literal('add_note'), text: safeText().trim().min(1).max(5_000) }),
  /** Sent on the customer's channel as the account (auto-greeting); never to automated mail. */
  z.object({ type: z.literal('send_canned_reply'), cannedReplyId: z.string().uuid() }),
  z.object({ type: z.literal('close') }),
  z.object({
    type: z.literal('snooze'),
    minutes: z.number().int().min(1).max(MAX_TRIGGER_MINUTES),
  }),
  z.object({
    type: z.literal('notify'),
    operatorIds: z.array(z.string().uuid()).max(100).default([]),
    teamIds: z.array(z.string().uuid()).max(20).default([]),
    text: safeText().trim().max(500).optional(),
  }),
  /** POSTs the conversation and the triggering event to the URL, signed like outgoing webhooks. */
  z.object({ type: z.literal('call_webhook'), url: z.string().url().max(2_000) }),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;
export type RuleActionType = RuleAction['type'];

export const ruleInputSchema = z.object({
  name: safeText().trim().min(1).max(MAX_RULE_NAME_LENGTH),
  enabled: z.boolean().default(true),
  trigger: ruleTriggerSchema,
  conditions: ruleConditionsSchema.default({ match: 'all', groups: [] }),
  actions: z
    .array(ruleActionSchema)
    .min(1, 'A rule needs at least one action')
    .max(MAX_RULE_ACTIONS),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export interface RuleDto extends RuleInput {
  id: string;
  /** Order of evaluation (ascending): rules run one after another, each seeing the last one's changes. */
  position: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  lastRunAt: IsoDateTime | null;
}

/** `PUT /api/automation/rules/order`: every rule id of the account, in the new order. */
export const reorderRulesSchema = z.object({
  ids: z.array(z.string().uuid()).max(MAX_RULES_PER_ACCOUNT),
});

export const RULE_RUN_OUTCOMES = ['applied', 'skipped', 'failed'] as const;
export type RuleRunOutcome = (typeof RULE_RUN_OUTCOMES)[number];

/** One line of the rule log (`GET /api/automation/runs?ruleId=&cursor=`, newest first). */
export interface RuleRunDto {
  id: string;
  rule: { id: string; name: string };
  conversation: { id: string; number: number } | null;
  /** `message_received`, `no_operator_reply` ... */
  trigger: string;
  outcome: RuleRunOutcome;
  /** What each action did, in words the SPA renders ("assigned to Payments", "tagged refund"). */
  actions: RuleActionResult[];
  /** Why it failed or was skipped ("auto-reply: the message was automated"). */
  reason: string | null;
  at: IsoDateTime;
}

export interface RuleActionResult {
  type: RuleActionType;
  /** `done`: changed something; `unchanged`: already so; `skipped`/`failed`: with `reason`. */
  status: 'done' | 'unchanged' | 'skipped' | 'failed';
  /** Names for display: the operator, team, tags, priority, snooze time ... */
  detail: string | null;
  reason?: string;
}

/**
 * `POST /api/automation/rules/test` with `{rule: RuleInput, conversationId}`: what the rule would do
 * to that conversation now (its newest customer message as the triggering message). Changes nothing.
 */
export const testRuleRequestSchema = z.object({
  rule: ruleInputSchema,
  conversationId: z.string().uuid(),
});
export interface RuleTestResultDto {
  matched: boolean;
  /** Each condition group's result, in order, for the editor to show which failed. */
  groups: boolean[];
  actions: RuleActionResult[];
}

/** `PATCH /api/automation/rules/:id`: any part of a rule; the rest stays as it is. */
export const updateRuleSchema = z.object({
  name: safeText().trim().min(1).max(MAX_RULE_NAME_LENGTH).optional(),
  enabled: z.boolean().optional(),
  trigger: ruleTriggerSchema.optional(),
  conditions: ruleConditionsSchema.optional(),
  actions: z
    .array(ruleActionSchema)
    .min(1, 'A rule needs at least one action')
    .max(MAX_RULE_ACTIONS)
    .optional(),
});
export type UpdateRuleRequest = z.infer<typeof updateRuleSchema>;

/** `GET /api/automation/runs`: the whole log, or one rule's, or one conversation's. */
export const listRuleRunsQuerySchema = z.object({
  ruleId: z.string().uuid().optional(),
  conversationId: z.string().uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListRuleRunsQuery = z.infer<typeof listRuleRunsQuerySchema>;
