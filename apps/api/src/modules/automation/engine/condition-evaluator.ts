import { tagKey, type RuleCondition, type RuleConditions } from '@switchboard/contracts';
import type { RuleContext } from './rule-context';
import { WordMatcher, tokenize } from './word-matcher';

/**
 * A rule's conditions, compiled once (word matchers, tag keys) and evaluated against any number
 * of conversations. No groups: it applies to everything its trigger fires for.
 */
export class CompiledConditions {
  private readonly matchers = new Map<RuleCondition, WordMatcher>();

  constructor(private readonly conditions: RuleConditions) {
    for (const group of conditions.groups)
      for (const c of group.conditions)
        if (c.field === 'message_text') this.matchers.set(c, new WordMatcher(c.value));
  }

  /** Each group's result, in order, and the rule's. */
  evaluate(ctx: RuleContext): { matched: boolean; groups: boolean[] } {
    let tokens: string[] | null = null;
    const text = () => (tokens ??= tokenize(ctx.message?.text ?? ''));
    const groups = this.conditions.groups.map((group) => {
      const results = group.conditions.map((c) => this.test(c, ctx, text));
      return group.match === 'all' ? results.every(Boolean) : results.some(Boolean);
    });
    if (groups.length === 0) return { matched: true, groups };
    const matched = this.conditions.match === 'all' ? groups.every(Boolean) : groups.some(Boolean);
    return { matched, groups };
  }

  /**
   * Whether the rule can still match, knowing only the message text: every other condition is
   * unknown (three-valued logic), so `false` means no state of the conversation could make it match.
   */
  mayMatch(text: string | null): boolean {
    if (this.conditions.groups.length === 0) return true;
    let tokens: string[] | null = null;
    const known = (c: RuleCondition): Maybe => {
      if (c.field !== 'message_text') return null;
      const found = this.matchers.get(c)?.firstIn((tokens ??= tokenize(text ?? ''))) ?? null;
      return (found !== null) === (c.op === 'contains_any');
    };
    const groups = this.conditions.groups.map((g) => combine(g.match, g.conditions.map(known)));
    return combine(this.conditions.match, groups) !== false;
  }

  private test(c: RuleCondition, ctx: RuleContext, tokens: () => string[]): boolean {
    const conv = ctx.conversation;
    switch (c.field) {
      case 'inbox':
        return c.value.includes(conv.inboxId) === (c.op === 'is');
      case 'channel':
        return c.value.includes(conv.channel) === (c.op === 'is');
      case 'message_text': {
        const found = this.matchers.get(c)?.firstIn(tokens()) ?? null;
        return (found !== null) === (c.op === 'contains_any');
      }
      case 'tags': {
        const keys = c.value.map(tagKey);
        const has = (k: string) => conv.tagKeys.includes(k);
        if (c.op === 'has_any') return keys.some(has);
        if (c.op === 'has_all') return keys.every(has);
        return !keys.some(has);
      }
      case 'priority':
        return c.value.includes(conv.priority) === (c.op === 'is');
      case 'status':
        return c.value.includes(conv.status) === (c.op === 'is');
      case 'contact_attribute': {
        const value = conv.contactAttributes[c.key];
        const isSet = value !== undefined && value !== null && value !== '';
        if (c.op === 'is_set') return isSet;
        if (c.op === 'is_not_set') return !isSet;
        const equal = isSet && sameValue(value, c.value);
        return c.op === 'equals' ? equal : !equal;
      }
      case 'language': {
        const lang = conv.language?.toLowerCase() ?? null;
        const hit =
          lang !== null &&
          c.value.some((v) => {
            const want = v.toLowerCase();
            return lang === want || lang.startsWith(`${want}-`);
          });
        return hit === (c.op === 'is');
      }
      case 'assignee':
        return byWho(c.op, conv.assigneeId, c.value);
      case 'team':
        return byWho(c.op, conv.teamId, c.value);
      case 'business_hours':
        return conv.insideBusinessHours === (c.op === 'inside');
      case 'csat_rating': {
        const rating = ctx.csatRating ?? null;
        if (rating === null) return false;
        return c.op === 'lte' ? rating <= c.value : rating >= c.value;
      }
    }
  }
}

/** true, false, or not known yet. */
type Maybe = boolean | null;

function combine(match: 'all' | 'any', values: Maybe[]): Maybe {
  if (match === 'all') {
    if (values.includes(false)) return false;
    return values.includes(null) ? null : true;
  }
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

function byWho(
  op: 'is' | 'is_not' | 'is_unassigned' | 'is_assigned',
  current: string | null,
  ids: string[] | undefined,
): boolean {
  if (op === 'is_unassigned') return current === null;
  if (op === 'is_assigned') return current !== null;
  const hit = current !== null && (ids ?? []).includes(current);
  return op === 'is' ? hit : !hit;
}

/** Text compares case-insensitively; numbers and booleans as typed or as their text. */
function sameValue(stored: string | number | boolean, wanted: unknown): boolean {
  if (wanted === undefined) return false;
  if (typeof stored === 'string' && typeof wanted === 'string')
    return stored.normalize('NFC').toLowerCase() === wanted.normalize('NFC').toLowerCase();
  return String(stored) === String(wanted);
}
