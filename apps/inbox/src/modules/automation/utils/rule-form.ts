import type {
  ConversationPriority,
  RuleAction,
  RuleActionType,
  RuleCondition,
  RuleConditionField,
  RuleDto,
  RuleEventTrigger,
  RuleTimeTrigger,
} from '@switchboard/contracts';

/*
 * The rule editor's model: flat, forgiving fields (text as typed, every field of every kind kept)
 * so switching a select never loses what was entered. `buildRuleInput` turns it into a RuleInput.
 */

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface DurationForm {
  amount: string;
  unit: DurationUnit;
}

export interface TriggerForm {
  kind: 'event' | 'time';
  event: RuleEventTrigger;
  after: RuleTimeTrigger;
  delay: DurationForm;
}

export interface ConditionForm {
  key: string;
  field: RuleConditionField;
  op: string;
  /** Inbox, operator or team ids; channels, priorities, statuses; words, tags or language codes. */
  values: string[];
  attributeKey: string;
  /** As typed or chosen; typed by the attribute's definition when the rule is built. */
  attributeValue: string;
}

export interface GroupForm {
  key: string;
  match: 'all' | 'any';
  conditions: ConditionForm[];
}

export interface ActionForm {
  key: string;
  type: RuleActionType;
  operatorId: string;
  teamId: string;
  cannedReplyId: string;
  tags: string[];
  priority: ConversationPriority;
  text: string;
  delay: DurationForm;
  operatorIds: string[];
  teamIds: string[];
  url: string;
}

export interface RuleForm {
  name: string;
  enabled: boolean;
  trigger: TriggerForm;
  match: 'all' | 'any';
  groups: GroupForm[];
  actions: ActionForm[];
}

/** The tests each field offers, in the order the select lists them (mirrors the contract). */
export const CONDITION_OPS: { [F in RuleConditionField]: readonly string[] } = {
  inbox: ['is', 'is_not'],
  channel: ['is', 'is_not'],
  message_text: ['contains_any', 'contains_none'],
  tags: ['has_any', 'has_all', 'has_none'],
  priority: ['is', 'is_not'],
  status: ['is', 'is_not'],
  contact_attribute: ['equals', 'not_equals', 'is_set', 'is_not_set'],
  language: ['is', 'is_not'],
  assignee: ['is', 'is_not', 'is_unassigned', 'is_assigned'],
  team: ['is', 'is_not', 'is_unassigned', 'is_assigned'],
  business_hours: ['inside', 'outside'],
  csat_rating: ['lte', 'gte'],
};
export const CONDITION_FIELDS = Object.keys(CONDITION_OPS) as RuleConditionField[];

/** The action select's choices, in the contract's order. */
export const ACTION_TYPES: readonly RuleActionType[] = [
  'assign_operator',
  'assign_team',
  'assign_round_robin',
  'unassign',
  'add_tags',
  'remove_tags',
  'set_priority',
  'add_note',
  'send_canned_reply',
  'close',
  'snooze',
  'notify',
  'call_webhook',
];

/** Which editor a condition's value needs. */
export type ValueKind = 'ids' | 'choices' | 'words' | 'attribute' | 'number' | 'none';
export function valueKind(field: RuleConditionField, op: string): ValueKind {
  switch (field) {
    case 'inbox':
      return 'ids';
    case 'assignee':
    case 'team':
      return op === 'is' || op === 'is_not' ? 'ids' : 'none';
    case 'channel':
    case 'priority':
    case 'status':
      return 'choices';
    case 'message_text':
    case 'tags':
    case 'language':
      return 'words';
    case 'contact_attribute':
      return op === 'equals' || op === 'not_equals' ? 'attribute' : 'none';
    case 'business_hours':
      return 'none';
    case 'csat_rating':
      return 'number';
  }
}

let seq = 0;
/** React keys for rows the operator adds, removes and reorders. */
export const rowKey = (): string => `row-${++seq}`;

export function emptyCondition(field: RuleConditionField = 'message_text'): ConditionForm {
  return {
    key: rowKey(),
    field,
    op: CONDITION_OPS[field][0] ?? '',
    values: [],
    attributeKey: '',
    attributeValue: '',
  };
}

export function emptyGroup(): GroupForm {
  return { key: rowKey(), match: 'all', conditions: [emptyCondition()] };
}

export function emptyAction(type: RuleActionType = 'add_tags'): ActionForm {
  return {
    key: rowKey(),
    type,
    operatorId: '',
    teamId: '',
    cannedReplyId: '',
    tags: [],
    priority: 'high',
    text: '',
    delay: { amount: '60', unit: 'minutes' },
    operatorIds: [],
    teamIds: [],
    url: '',
  };
}

export function emptyRuleForm(): RuleForm {
  return {
    name: '',
    enabled: true,
    trigger: {
      kind: 'event',
      event: 'message_received',
      after: 'no_operator_reply',
      delay: { amount: '30', unit: 'minutes' },
    },
    match: 'all',
    groups: [],
    actions: [emptyAction()],
  };
}

/** Minutes shown in the largest unit that divides them (2880 → 2 days). */
export function durationOf(minutes: number): DurationForm {
  if (minutes % UNIT_MINUTES.days === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes % UNIT_MINUTES.hours === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

function conditionForm(condition: RuleCondition): ConditionForm {
  const form = { ...emptyCondition(condition.field), op: condition.op };
  switch (condition.field) {
    case 'contact_attribute':
      return {
        ...form,
        attributeKey: condition.key,
        attributeValue: condition.value === undefined ? '' : String(condition.value),
      };
    case 'business_hours':
      return form;
    case 'csat_rating':
      return { ...form, values: [String(condition.value)] };
    default:
      return { ...form, values: [...(condition.value ?? [])] };
  }
}

function actionForm(action: RuleAction): ActionForm {
  const form = emptyAction(action.type);
  switch (action.type) {
    case 'assign_operator':
      return { ...form, operatorId: action.operatorId };
    case 'assign_team':
    case 'assign_round_robin':
      return { ...form, teamId: action.teamId };
    case 'add_tags':
    case 'remove_tags':
      return { ...form, tags: [...action.tags] };
    case 'set_priority':
      return { ...form, priority: action.priority };
    case 'add_note':
      return { ...form, text: action.text };
    case 'send_canned_reply':
      return { ...form, cannedReplyId: action.cannedReplyId };
    case 'snooze':
      return { ...form, delay: durationOf(action.minutes) };
    case 'notify':
      return {
        ...form,
        operatorIds: [...action.operatorIds],
        teamIds: [...action.teamIds],
        text: action.text ?? '',
      };
    case 'call_webhook':
      return { ...form, url: action.url };
    case 'unassign':
    case 'close':
      return form;
  }
}

/** A stored rule as the editor shows it. */
export function ruleToForm(rule: RuleDto): RuleForm {
  const base = emptyRuleForm();
  const trigger: TriggerForm =
    rule.trigger.kind === 'event'
      ? { ...base.trigger, kind: 'event', event: rule.trigger.event }
      : {
          ...base.trigger,
          kind: 'time',
          after: rule.trigger.after,
          delay: durationOf(rule.trigger.minutes),
        };
  return {
    name: rule.name,
    enabled: rule.enabled,
    trigger,
    match: rule.conditions.match,
    groups: rule.conditions.groups.map((g) => ({
      key: rowKey(),
      match: g.match,
      conditions: g.conditions.map(conditionForm),
    })),
    actions: rule.actions.map(actionForm),
  };
}

/** Moves an item one step (-1 up, +1 down); the same array when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}
