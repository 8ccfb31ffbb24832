import {
  ruleActionSchema,
  ruleConditionSchema,
  type ContactAttributeDto,
  type RuleDto,
} from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { buildRuleInput, errorPathOf } from './build-rule-input';
import {
  ACTION_TYPES,
  CONDITION_OPS,
  emptyAction,
  emptyCondition,
  emptyGroup,
  emptyRuleForm,
  moveItem,
  ruleToForm,
  type RuleForm,
} from './rule-form';

const PAYMENTS = '5b1f3a52-1d1e-4c6b-9a0e-2f6f4c1e9a01';
const GREETING = '7c2d4b63-2e2f-4d7c-8b1f-3a7a5d2f0b12';
const INBOX = '9e3f5c74-3f30-4e8d-9c2a-4b8b6e3a1c23';
const ATTRIBUTES: ContactAttributeDto[] = [
  { id: 'a1', key: 'plan', label: 'Plan', type: 'list', options: ['free', 'pro'], createdAt: '' },
  { id: 'a2', key: 'seats', label: 'Seats', type: 'number', options: [], createdAt: '' },
];
const ctx = { attributes: ATTRIBUTES };

/** "Refunds": when a customer message contains 'refund', tag, route to Payments and greet. */
function refundsForm(): RuleForm {
  const form = emptyRuleForm();
  form.name = '  Refunds ';
  const group = emptyGroup();
  group.conditions = [{ ...emptyCondition('message_text'), values: ['refund', ' '] }];
  form.groups = [group];
  form.actions = [
    { ...emptyAction('add_tags'), tags: ['refund'] },
    { ...emptyAction('assign_team'), teamId: PAYMENTS },
    { ...emptyAction('send_canned_reply'), cannedReplyId: GREETING },
  ];
  return form;
}

describe('the rule editor model', () => {
  it('offers exactly the fields, tests and actions the contract accepts', () => {
    const fromSchema = Object.fromEntries(
      ruleConditionSchema.options.map((o) => [o.shape.field.value, o.shape.op.options]),
    );
    expect(CONDITION_OPS).toEqual(fromSchema);
    expect(ACTION_TYPES).toEqual(ruleActionSchema.options.map((o) => o.shape.type.value));
  });

  it('builds a valid RuleInput from the form (trimmed, blanks dropped)', () => {
    const result = buildRuleInput(refundsForm(), ctx);
    expect(result).toEqual({
      ok: true,
      input: {
        name: 'Refunds',
        enabled: true,
        trigger: { kind: 'event', event: 'message_received' },
        conditions: {
          match: 'all',
          groups: [
            {
              match: 'all',
              conditions: [{ field: 'message_text', op: 'contains_any', value: ['refund'] }],
            },
          ],
        },
        actions: [
          { type: 'add_tags', tags: ['refund'] },
          { type: 'assign_team', teamId: PAYMENTS },
          { type: 'send_canned_reply', cannedReplyId: GREETING },
        ],
      },
    });
  });

  it('turns a time trigger and snooze into minutes, typed attribute values into their type', () => {
    const form = refundsForm();
    form.trigger = { ...form.trigger, kind: 'time', delay: { amount: '2', unit: 'hours' } };
    const group = emptyGroup();
    group.match = 'any';
    group.conditions = [
      { ...emptyCondition('contact_attribute'), attributeKey: 'seats', attributeValue: '12' },
      { ...emptyCondition('assignee'), op: 'is_unassigned', values: ['stale'] },
      { ...emptyCondition('business_hours'), op: 'outside' },
    ];
    form.groups.push(group);
    form.match = 'any';
    form.actions = [{ ...emptyAction('snooze'), delay: { amount: '3', unit: 'days' } }];
    const result = buildRuleInput(form, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.input.trigger).toEqual({
      kind: 'time',
      after: 'no_operator_reply',
      minutes: 120,
    });
    expect(result.input.conditions.match).toBe('any');
    expect(result.input.conditions.groups[1]).toEqual({
      match: 'any',
      conditions: [
        { field: 'contact_attribute', key: 'seats', op: 'equals', value: 12 },
        { field: 'assignee', op: 'is_unassigned' },
        { field: 'business_hours', op: 'outside' },
      ],
    });
    expect(result.input.actions).toEqual([{ type: 'snooze', minutes: 4320 }]);
  });

  it('round-trips a stored rule through the form unchanged', () => {
    const stored: RuleDto = {
      id: 'r1',
      position: 0,
      createdAt: '',
      updatedAt: '',
      lastRunAt: null,
      name: 'VIP',
      enabled: false,
      trigger: { kind: 'time', after: 'waiting_longer', minutes: 90 },
      conditions: {
        match: 'any',
        groups: [
          {
            match: 'any',
            conditions: [
              { field: 'inbox', op: 'is_not', value: [INBOX] },
              { field: 'channel', op: 'is', value: ['webchat', 'email'] },
              { field: 'priority', op: 'is', value: ['urgent'] },
              { field: 'language', op: 'is', value: ['de', 'pt-BR'] },
              { field: 'contact_attribute', key: 'plan', op: 'equals', value: 'pro' },
              { field: 'contact_attribute', key: 'seats', op: 'is_set' },
              { field: 'tags', op: 'has_all', value: ['vip', 'возврат'] },
            ],
          },
        ],
      },
      actions: [
        { type: 'set_priority', priority: 'urgent' },
        { type: 'notify', operatorIds: [], teamIds: [PAYMENTS], text: 'VIP waiting' },
        { type: 'call_webhook', url: 'https://hooks.example.com/vip' },
        { type: 'add_note', text: 'Handle with care' },
        { type: 'close' },
      ],
    };
    const form = ruleToForm(stored);
    expect(form.trigger.delay).toEqual({ amount: '90', unit: 'minutes' });
    const { id, position, createdAt, updatedAt, lastRunAt, ...input } = stored;
    void [id, position, createdAt, updatedAt, lastRunAt];
    expect(buildRuleInput(form, ctx)).toEqual({ ok: true, input });
  });

  it('says what to fix, beside each field', () => {
    const form = refundsForm();
    form.name = '   ';
    form.trigger = { ...form.trigger, kind: 'time', delay: { amount: '91', unit: 'days' } };
    const group = emptyGroup();
    group.conditions = [
      { ...emptyCondition('message_text'), values: [] },
      { ...emptyCondition('language'), values: ['not a language'] },
      { ...emptyCondition('contact_attribute'), attributeKey: 'plan', attributeValue: 'gold' },
      { ...emptyCondition('contact_attribute'), attributeKey: 'shoe_size', op: 'is_set' },
      { ...emptyCondition('channel') },
    ];
    form.groups = [group, { ...emptyGroup(), conditions: [] }];
    form.actions = [
      { ...emptyAction('assign_team') },
      { ...emptyAction('call_webhook'), url: 'ftp://example.com' },
      { ...emptyAction('notify') },
    ];
    const result = buildRuleInput(form, ctx);
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'Give the rule a name.',
        'trigger.delay': 'Enter a whole number from 1 up to 90 days.',
        'groups.0.conditions.0': 'Add at least one word or phrase.',
        'groups.0.conditions.1': 'Use language codes such as en, de or pt-BR.',
        'groups.0.conditions.2': 'Enter a value that fits this attribute.',
        'groups.0.conditions.3': 'Choose a contact attribute.',
        'groups.0.conditions.4': 'Choose at least one.',
        'groups.1': 'Add a condition to this group, or remove the group.',
        'actions.0': 'Required.',
        'actions.1': 'Enter a full https:// address.',
        'actions.2': 'Choose an operator or a team to notify.',
      },
    });
    expect(buildRuleInput({ ...refundsForm(), actions: [] }, ctx)).toEqual({
      ok: false,
      errors: { actions: 'A rule needs at least one action.' },
    });
  });

  it('places server and schema issues on the row they concern', () => {
    expect(errorPathOf(['conditions', 'groups', 1, 'conditions', 2, 'value', 0])).toBe(
      'groups.1.conditions.2',
    );
    expect(errorPathOf(['actions', 3, 'url'])).toBe('actions.3');
    expect(errorPathOf(['trigger', 'minutes'])).toBe('trigger.delay');
    expect(errorPathOf(['name'])).toBe('name');
  });

  it('moves actions up and down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
