import {
  checkAttributeValue,
  MAX_RULE_NAME_LENGTH,
  MAX_TRIGGER_MINUTES,
  ruleInputSchema,
  type ContactAttributeDto,
  type RuleAction,
  type RuleCondition,
  type RuleInput,
  type RuleTrigger,
} from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import {
  UNIT_MINUTES,
  valueKind,
  type ActionForm,
  type ConditionForm,
  type DurationForm,
  type RuleForm,
} from './rule-form';

/**
 * Field errors by path: `name`, `trigger.delay`, `actions`, `actions.2`, `groups.0.conditions.1`.
 * The editor shows each beside its control, in the operator's language.
 */
export type FormErrors = Record<string, string>;
export type BuildResult = { ok: true; input: RuleInput } | { ok: false; errors: FormErrors };

export interface BuildContext {
  /** The account's contact attribute definitions; null when unknown (then values go as typed). */
  attributes: readonly ContactAttributeDto[] | null;
}

/** Whole minutes from an amount and unit; null unless 1 … 90 days. */
export function durationMinutes(delay: DurationForm): number | null {
  const text = delay.amount.trim();
  if (!/^\d{1,6}$/.test(text)) return null;
  const minutes = Number(text) * UNIT_MINUTES[delay.unit];
  return minutes >= 1 && minutes <= MAX_TRIGGER_MINUTES ? minutes : null;
}

function isLanguageCode(code: string): boolean {
  if (code.length < 2 || code.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

type Built<T> = { value: T } | { error: string };

function buildCondition(form: ConditionForm, ctx: BuildContext): Built<RuleCondition> {
  const values = form.values.map((v) => v.trim()).filter(Boolean);
  const kind = valueKind(form.field, form.op);
  if (kind === 'ids' || kind === 'choices') {
    if (values.length === 0) return { error: t('automation.error.choose') };
  }
  if (kind === 'words') {
    if (values.length === 0) return { error: t('automation.error.words') };
    if (form.field === 'language' && !values.every(isLanguageCode))
      return { error: t('automation.error.language') };
  }
  if (form.field === 'contact_attribute') {
    const key = form.attributeKey;
    if (!key) return { error: t('automation.error.attribute') };
    const def = ctx.attributes?.find((a) => a.key === key);
    if (ctx.attributes && !def) return { error: t('automation.error.attribute') };
    if (kind === 'none')
      return { value: { field: 'contact_attribute', key, op: form.op } as RuleCondition };
    if (!def) {
      return {
        value: { field: 'contact_attribute', key, op: form.op, value: form.attributeValue },
      } as Built<RuleCondition>;
    }
    const checked = checkAttributeValue(def, form.attributeValue, true);
    if (!checked.ok) return { error: t('automation.error.attribute_value') };
    return {
      value: { field: 'contact_attribute', key, op: form.op, value: checked.value },
    } as Built<RuleCondition>;
  }
  if (form.field === 'business_hours')
    return { value: { field: 'business_hours', op: form.op } as RuleCondition };
  if (form.field === 'csat_rating') {
    const rating = Number(values[0] ?? '');
    if (values.length === 0 || !Number.isInteger(rating) || rating < 0 || rating > 10)
      return { error: t('automation.error.rating') };
    return { value: { field: 'csat_rating', op: form.op, value: rating } as RuleCondition };
  }
  // The contract's schema has the last word on each field/op/value combination (parsed below).
  const value = kind === 'none' ? {} : { value: values };
  return { value: { field: form.field, op: form.op, ...value } as RuleCondition };
}

function buildAction(form: ActionForm): Built<RuleAction> {
  const required = { error: t('automation.error.required') };
  const tags = form.tags.map((tag) => tag.trim()).filter(Boolean);
  switch (form.type) {
    case 'assign_operator':
      return form.operatorId
        ? { value: { type: form.type, operatorId: form.operatorId } }
        : required;
    case 'assign_team':
    case 'assign_round_robin':
      return form.teamId ? { value: { type: form.type, teamId: form.teamId } } : required;
    case 'add_tags':
    case 'remove_tags':
      return tags.length ? { value: { type: form.type, tags } } : required;
    case 'set_priority':
      return { value: { type: form.type, priority: form.priority } };
    case 'add_note':
      return form.text.trim() ? { value: { type: form.type, text: form.text.trim() } } : required;
    case 'send_canned_reply':
      return form.cannedReplyId
        ? { value: { type: form.type, cannedReplyId: form.cannedReplyId } }
        : required;
    case 'snooze': {
      const minutes = durationMinutes(form.delay);
      return minutes
        ? { value: { type: form.type, minutes } }
        : { error: t('automation.error.amount') };
    }
    case 'notify': {
      if (form.operatorIds.length + form.teamIds.length === 0)
        return { error: t('automation.error.notify') };
      const text = form.text.trim();
      return {
        value: {
          type: form.type,
          operatorIds: form.operatorIds,
          teamIds: form.teamIds,
          ...(text ? { text } : {}),
        },
      };
    }
    case 'call_webhook':
      return isWebUrl(form.url.trim())
        ? { value: { type: form.type, url: form.url.trim() } }
        : { error: t('automation.error.url') };
    case 'unassign':
    case 'close':
      return { value: { type: form.type } };
  }
}

/** Where a schema issue belongs in the form (the nearest row or field the editor marks). */
export function errorPathOf(path: readonly PropertyKey[]): string {
  const [head, a, b, c] = path.map(String);
  if (head === 'trigger') return 'trigger.delay';
  if (head === 'conditions' && a === 'groups' && b !== undefined)
    return c === 'conditions' && path[4] !== undefined
      ? `groups.${b}.conditions.${String(path[4])}`
      : `groups.${b}`;
  if (head === 'actions' && a !== undefined) return `actions.${a}`;
  return head ?? 'form';
}

/** Builds the RuleInput the API takes, or says what to fix where. */
export function buildRuleInput(form: RuleForm, ctx: BuildContext): BuildResult {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!name) errors['name'] = t('automation.error.name');
  else if (name.length > MAX_RULE_NAME_LENGTH) errors['name'] = t('automation.error.name_long');

  let trigger: RuleTrigger = { kind: 'event', event: form.trigger.event };
  if (form.trigger.kind === 'time') {
    const minutes = durationMinutes(form.trigger.delay);
    if (minutes === null) errors['trigger.delay'] = t('automation.error.amount');
    trigger = { kind: 'time', after: form.trigger.after, minutes: minutes ?? 1 };
  }

  form.groups.forEach((group, g) => {
    if (group.conditions.length === 0) errors[`groups.${g}`] = t('automation.error.empty_group');
  });
  const groups = form.groups.map((group, g) => ({
    match: group.match,
    conditions: group.conditions.flatMap((condition, c) => {
      const built = buildCondition(condition, ctx);
      if ('error' in built) {
        errors[`groups.${g}.conditions.${c}`] = built.error;
        return [];
      }
      return [built.value];
    }),
  }));

  if (form.actions.length === 0) errors['actions'] = t('automation.error.no_actions');
  const actions = form.actions.flatMap((action, i) => {
    const built = buildAction(action);
    if ('error' in built) {
      errors[`actions.${i}`] = built.error;
      return [];
    }
    return [built.value];
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = ruleInputSchema.safeParse({
    name,
    enabled: form.enabled,
    trigger,
    conditions: { match: form.match, groups },
    actions,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  for (const issue of parsed.error.issues) {
    const path = errorPathOf(issue.path);
    errors[path] ??= t('automation.error.invalid', { message: issue.message });
  }
  return { ok: false, errors };
}
