import type { RuleCondition, RuleConditions } from '@switchboard/contracts';
import { CompiledConditions } from './condition-evaluator';
import type { RuleContext } from './rule-context';

const words = (value: string[], op: 'contains_any' | 'contains_none' = 'contains_any') =>
  ({ field: 'message_text', op, value }) as RuleCondition;
const priority = (value: Array<'low' | 'urgent'>) =>
  ({ field: 'priority', op: 'is', value }) as RuleCondition;

const context = (text: string, p: 'low' | 'normal' | 'urgent'): RuleContext => ({
  trigger: 'message_received',
  message: { id: 'm', text, automated: false, direction: 'incoming' },
  conversation: {
    id: 'c',
    accountId: 'a',
    number: 1,
    inboxId: 'i',
    channel: 'webchat',
    status: 'open',
    priority: p,
    assigneeId: null,
    teamId: null,
    tagKeys: [],
    contactName: null,
    contactAttributes: {},
    language: null,
    insideBusinessHours: true,
    mergedIntoId: null,
  },
});

/** The pre-filter that spares the engine its reads: it may say "maybe", never wrongly "no". */
describe('CompiledConditions.mayMatch', () => {
  it('rules out a rule only when its words decide it', () => {
    const refund: RuleConditions = {
      match: 'all',
      groups: [{ match: 'all', conditions: [words(['refund']), priority(['urgent'])] }],
    };
    const c = new CompiledConditions(refund);
    expect(c.mayMatch('I want a REFUND')).toBe(true);
    expect(c.mayMatch('hello there')).toBe(false);
    expect(c.mayMatch(null)).toBe(false);
    // "any": a condition the text cannot decide keeps it possible.
    const any = new CompiledConditions({
      match: 'all',
      groups: [{ match: 'any', conditions: [words(['refund']), priority(['urgent'])] }],
    });
    expect(any.mayMatch('hello')).toBe(true);
    // contains_none: the text decides it the other way round.
    const none = new CompiledConditions({
      match: 'any',
      groups: [{ match: 'all', conditions: [words(['spam'], 'contains_none')] }],
    });
    expect(none.mayMatch('this is spam')).toBe(false);
    expect(none.mayMatch('a question')).toBe(true);
    expect(new CompiledConditions({ match: 'all', groups: [] }).mayMatch('x')).toBe(true);
  });

  it('never says no where the full evaluation says yes (random rules, texts and states)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const texts = ['refund please', 'возврат денег', 'hello', '', 'late parcel refund'];
    const conds = [
      words(['refund']),
      words(['возврат']),
      words(['parcel'], 'contains_none'),
      priority(['urgent']),
      priority(['low']),
    ];
    const pick = <T>(xs: T[]) => xs[rand(xs.length)]!;
    for (let i = 0; i < 2_000; i++) {
      const groups = Array.from({ length: 1 + rand(3) }, () => ({
        match: pick(['all', 'any'] as const),
        conditions: Array.from({ length: 1 + rand(3) }, () => pick(conds)),
      }));
      const compiled = new CompiledConditions({ match: pick(['all', 'any'] as const), groups });
      const text = pick(texts);
      for (const p of ['low', 'normal', 'urgent'] as const) {
        if (compiled.evaluate(context(text, p)).matched) expect(compiled.mayMatch(text)).toBe(true);
      }
    }
  });
});
