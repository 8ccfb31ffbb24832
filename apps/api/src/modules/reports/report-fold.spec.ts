import { EMPTY_STATE, fold, mergeWait, type FoldEffect, type ReportHappening } from './report-fold';
import { localDay } from './report-days';
import { bucketStarts, checkPeriod } from './report-period';

const at = (iso: string) => new Date(iso);

/** Runs happenings through the fold; returns the effects' types in order and the final state. */
function run(steps: Array<[string, ReportHappening]>) {
  let state = EMPTY_STATE;
  const effects: FoldEffect[] = [];
  for (const [time, what] of steps) {
    const r = fold(state, what, at(time));
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

describe('report fold', () => {
  it('opens a new cycle on each reopen and counts first and next responses from the first unanswered message', () => {
    const { state, effects } = run([
      ['2026-10-26T08:00:00Z', { kind: 'created' }],
      ['2026-10-26T08:00:00Z', { kind: 'customer_message' }],
      ['2026-10-26T08:10:00Z', { kind: 'operator_reply', operatorId: 'b' }],
      ['2026-10-26T08:20:00Z', { kind: 'customer_message' }],
      ['2026-10-26T08:25:00Z', { kind: 'customer_message' }],
      ['2026-10-26T08:40:00Z', { kind: 'operator_reply', operatorId: 'b' }],
      ['2026-10-26T08:45:00Z', { kind: 'operator_reply', operatorId: 'a' }],
      ['2026-10-26T09:00:00Z', { kind: 'closed' }],
      ['2026-10-26T10:00:00Z', { kind: 'reopened' }],
      ['2026-10-26T11:00:00Z', { kind: 'closed' }],
      ['2026-10-26T12:00:00Z', { kind: 'reopened' }],
      ['2026-10-26T12:30:00Z', { kind: 'closed' }],
      // Closing a closed conversation again changes no cycle.
      ['2026-10-26T12:40:00Z', { kind: 'closed' }],
    ]);
    const responses = effects.flatMap((e) => (e.type === 'response' ? [e] : []));
    expect(responses).toEqual([
      { type: 'response', kind: 'first', askedAt: at('2026-10-26T08:00:00Z'), operatorId: 'b' },
      { type: 'response', kind: 'next', askedAt: at('2026-10-26T08:20:00Z'), operatorId: 'b' },
    ]);
    expect(effects.filter((e) => e.type === 'open_cycle')).toEqual([
      { type: 'open_cycle', seq: 1 },
      { type: 'open_cycle', seq: 2 },
      { type: 'open_cycle', seq: 3 },
    ]);
    expect(effects.filter((e) => e.type === 'close_cycle')).toHaveLength(3);
    const counted = effects.flatMap((e) => (e.type === 'count' ? [e.counter] : []));
    expect(counted.filter((c) => c === 'replies')).toHaveLength(3);
    expect(counted.filter((c) => c === 'reopenedCount')).toHaveLength(2);
    expect(counted.filter((c) => c === 'closedCount')).toHaveLength(4);
    expect(state).toEqual({ cycleOpen: false, cycleSeq: 3, awaitingSince: null, replied: true });
  });

  it('ends a merged cycle without counting it closed, and the survivor inherits the earlier wait', () => {
    const source = run([
      ['2026-10-26T09:40:00Z', { kind: 'created' }],
      ['2026-10-26T09:50:00Z', { kind: 'customer_message' }],
    ]).state;
    const merged = fold(source, { kind: 'merged', targetId: 't' }, at('2026-10-26T10:02:00Z'));
    expect(merged.effects).toEqual([{ type: 'close_cycle', merged: true }]);
    const target = { ...EMPTY_STATE, cycleOpen: true, awaitingSince: at('2026-10-26T10:00:00Z') };
    expect(mergeWait(target, source).awaitingSince).toEqual(at('2026-10-26T09:50:00Z'));
    expect(mergeWait(EMPTY_STATE, EMPTY_STATE).awaitingSince).toBeNull();
  });
});

describe('report days and periods', () => {
  it('puts instants on the local day of the account, across the 25-hour DST day', () => {
    expect(localDay('Europe/Berlin', at('2026-10-24T22:05:00Z'))).toBe('2026-10-25');
    expect(localDay('Europe/Berlin', at('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    expect(localDay('Europe/Berlin', at('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    expect(localDay('UTC', at('2026-10-24T22:05:00Z'))).toBe('2026-10-24');
  });

  it('starts buckets on the period start, Mondays and first days of months', () => {
    expect(bucketStarts('2026-10-23', '2026-11-03', 'week')).toEqual([
      '2026-10-23',
      '2026-10-26',
      '2026-11-02',
    ]);
    expect(bucketStarts('2026-09-15', '2026-11-01', 'month')).toEqual([
      '2026-09-15',
      '2026-10-01',
      '2026-11-01',
    ]);
    expect(bucketStarts('2026-10-24', '2026-10-26', 'day')).toHaveLength(3);
  });

  it('refuses an end before the start, too long a period and dates that do not exist', () => {
    expect(() => checkPeriod('2026-10-02', '2026-10-01')).toThrow(/before the start/);
    expect(() => checkPeriod('2025-01-01', '2026-01-02')).toThrow(/at most 366/);
    expect(() => checkPeriod('2026-02-29', '2026-03-01')).toThrow(/not a calendar date/);
    expect(() => checkPeriod('2025-01-01', '2026-01-01')).not.toThrow();
  });
});
