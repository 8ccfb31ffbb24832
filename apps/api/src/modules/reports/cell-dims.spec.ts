import { reportQuerySchema } from '@switchboard/contracts';
import { CELL_DIMS, cellPlan } from './cell-dims';
import { FAN_OUT } from './report-cells.repository';

const inbox = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const operator = '33333333-3333-4333-8333-333333333333';
const webchat = '44444444-4444-4444-8444-444444444444';
const team = '55555555-5555-4555-8555-555555555555';
/** Every inbox of the account with its channel. */
const inboxes = new Map([
  [inbox, 'email'],
  [other, 'email'],
  [webchat, 'webchat'],
]);
const plan = (q: Record<string, string | string[]>) =>
  cellPlan(reportQuerySchema.parse({ from: '2026-10-01', to: '2026-10-31', ...q }), inboxes);

describe('cell dimensions', () => {
  it('keeps 12 cells per fact and 5 per tag of its conversation', () => {
    expect(CELL_DIMS).toEqual([
      'none',
      'channel',
      'inbox',
      'team',
      'operator',
      'channel+inbox',
      'channel+team',
      'channel+operator',
      'inbox+team',
      'inbox+operator',
      'team+operator',
      'inbox+team+operator',
      'tag',
      'tag+inbox',
      'tag+team',
      'tag+operator',
      'tag+inbox+team+operator',
    ]);
    for (const dim of CELL_DIMS) expect(FAN_OUT).toContain(`('${dim}', `);
    expect(FAN_OUT).toContain('report_conversation_tags');
  });

  it('answers from one column, or the pair a grouping and a filter name', () => {
    expect(plan({})).toEqual({ dim: 'none', parts: [], groupPart: null });
    expect(plan({ groupBy: 'operator' })).toEqual({
      dim: 'operator',
      parts: [null],
      groupPart: 0,
    });
    // Filtered on the grouped column itself: still one column.
    expect(plan({ groupBy: 'inbox', inboxId: [inbox, other] })).toEqual({
      dim: 'inbox',
      parts: [[inbox, other]],
      groupPart: 0,
    });
    // An inbox split by operator: the pair, grouped by its second part.
    expect(plan({ groupBy: 'operator', inboxId: inbox })).toEqual({
      dim: 'inbox+operator',
      parts: [[inbox], null],
      groupPart: 1,
    });
    // Ungrouped, filtered on two columns (in CELL_COLUMNS order whatever the query's).
    expect(plan({ operatorId: operator, channel: 'email' })).toEqual({
      dim: 'channel+operator',
      parts: [['email'], [operator]],
      groupPart: null,
    });
  });

  it('reads a channel through its inboxes when it comes with the inbox or two other columns', () => {
    // Channel and inbox: the inboxes of that channel among those asked for.
    expect(plan({ groupBy: 'operator', inboxId: [inbox, webchat], channel: 'email' })).toEqual({
      dim: 'inbox+operator',
      parts: [[inbox], null],
      groupPart: 1,
    });
    // Three columns, one of them channel: the triple, with every inbox of that channel.
    expect(plan({ groupBy: 'team', channel: 'email', operatorId: operator })).toEqual({
      dim: 'inbox+team+operator',
      parts: [[inbox, other], null, [operator]],
      groupPart: 1,
    });
    // Grouped by channel with an inbox filter: inbox cells, each inbox's key is its channel.
    expect(plan({ groupBy: 'channel', inboxId: [inbox, webchat] })).toEqual({
      dim: 'inbox',
      parts: [[inbox, webchat]],
      groupPart: 0,
      keyOf: inboxes,
    });
    // All four columns.
    expect(
      plan({ groupBy: 'channel', inboxId: inbox, teamId: team, operatorId: operator }),
    ).toEqual({
      dim: 'inbox+team+operator',
      parts: [[inbox], [team], [operator]],
      groupPart: 0,
      keyOf: inboxes,
    });
    // A channel none of the chosen inboxes has: no inbox is kept, the report is empty.
    expect(plan({ inboxId: inbox, channel: 'webchat' })?.parts).toEqual([[]]);
    // Channel and one other column (not the inbox) stays a pair.
    expect(plan({ groupBy: 'channel', teamId: team })?.dim).toBe('channel+team');
  });

  it('reads a tag alone or with one column, and a report by tag reads its totals apart', () => {
    const tag = '66666666-6666-4666-8666-666666666666';
    const byTag = plan({ groupBy: 'tag' });
    expect(byTag).toEqual({
      dim: 'tag',
      parts: [null],
      groupPart: 0,
      totals: { dim: 'none', parts: [], groupPart: null },
    });
    expect(plan({ groupBy: 'operator', tagId: tag })).toEqual({
      dim: 'tag+operator',
      parts: [[tag], null],
      groupPart: 1,
    });
    // A channel goes through its inboxes; the totals keep the channel's own cells.
    expect(plan({ groupBy: 'tag', channel: 'webchat' })).toEqual({
      dim: 'tag+inbox',
      parts: [null, [webchat]],
      groupPart: 0,
      totals: { dim: 'channel', parts: [['webchat']], groupPart: null },
    });
    expect(plan({ groupBy: 'channel', tagId: tag })).toEqual({
      dim: 'tag+inbox',
      parts: [[tag], null],
      groupPart: 1,
      keyOf: inboxes,
    });
    // By tag, on one tag: the totals are that tag's cells.
    expect(plan({ groupBy: 'tag', tagId: tag })?.totals).toEqual({
      dim: 'tag',
      parts: [[tag]],
      groupPart: null,
    });
  });

  it('reads a tag with two or three columns from its quad cells', () => {
    const tag = '66666666-6666-4666-8666-666666666666';
    expect(plan({ groupBy: 'team', tagId: tag, operatorId: operator })).toEqual({
      dim: 'tag+inbox+team+operator',
      parts: [[tag], null, null, [operator]],
      groupPart: 2,
    });
    // By tag, with two columns: the totals read the pair.
    expect(plan({ groupBy: 'tag', inboxId: inbox, operatorId: operator })).toEqual({
      dim: 'tag+inbox+team+operator',
      parts: [null, [inbox], null, [operator]],
      groupPart: 0,
      totals: { dim: 'inbox+operator', parts: [[inbox], [operator]], groupPart: null },
    });
    // By channel, one tag and one team: the channel's inboxes, each mapped to its channel.
    expect(plan({ groupBy: 'channel', tagId: tag, teamId: team })).toMatchObject({
      dim: 'tag+inbox+team+operator',
      parts: [[tag], null, [team], null],
      groupPart: 1,
      keyOf: inboxes,
    });
  });

  it('reads several tags from their cells, taking the overlap away', () => {
    expect(plan({ tagId: [inbox, other] })).toEqual({
      dim: 'tag',
      parts: [[inbox, other]],
      groupPart: null,
      overlap: [inbox, other],
    });
    // By tag: each group is one tag; only the totals are their union.
    expect(plan({ groupBy: 'tag', tagId: [inbox, other] })).toEqual({
      dim: 'tag',
      parts: [[inbox, other]],
      groupPart: 0,
      totals: { dim: 'tag', parts: [[inbox, other]], groupPart: null, overlap: [inbox, other] },
    });
    expect(plan({ groupBy: 'team', inboxId: inbox, operatorId: operator })?.dim).toBe(
      'inbox+team+operator',
    );
  });
});
