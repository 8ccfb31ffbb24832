import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../feed/store/feed-filters';
import { filtersFromViewQuery, filtersShowView, viewQueryFromFilters } from './view-query';

describe('view queries', () => {
  it('saves the feed filters as the API query: tags as `tag`, empty filters left out', () => {
    expect(
      viewQueryFromFilters({ ...DEFAULT_FILTERS, assignee: 'unassigned', tags: ['payment'] }),
    ).toEqual({ status: 'open', assignee: 'unassigned', tag: ['payment'] });
    expect(viewQueryFromFilters({ ...DEFAULT_FILTERS, q: 'late', inboxId: 'i-1' })).toEqual({
      status: 'open',
      assignee: 'all',
      q: 'late',
      inboxId: 'i-1',
    });
  });

  it('applies a view by resetting every filter it does not name', () => {
    expect(filtersFromViewQuery({ status: 'closed', assignee: 'mine', tag: ['vip'] })).toEqual({
      ...DEFAULT_FILTERS,
      status: 'closed',
      assignee: 'mine',
      tags: ['vip'],
      attrs: [],
    });
    // Contact attributes travel as `attr`, kept by the feed store as `attrs`.
    const withAttr = {
      status: 'all',
      assignee: 'all',
      attr: ['plan:gold'],
      from: '2026-01-01T00:00:00.000Z',
    } as const;
    const filters = filtersFromViewQuery({ ...withAttr, attr: [...withAttr.attr] });
    expect(filters).toMatchObject({ status: 'all', attrs: ['plan:gold'], from: withAttr.from });
    expect(viewQueryFromFilters(filters)).toEqual({ ...withAttr, attr: ['plan:gold'] });
    // Filters the feed does not keep are not forced onto it.
    expect(filtersFromViewQuery({ status: 'open', assignee: 'all', unknown: 1 } as never)).toEqual({
      ...DEFAULT_FILTERS,
      attrs: [],
    });
  });

  it('knows the view the feed shows, whatever the tags’ case, `#` or order', () => {
    const query = { status: 'open', assignee: 'unassigned', tag: ['#Payment', 'vip'] } as const;
    const shown = { ...DEFAULT_FILTERS, assignee: 'unassigned' as const, tags: ['VIP', 'payment'] };
    expect(filtersShowView(shown, { ...query, tag: [...query.tag] })).toBe(true);
    expect(filtersShowView({ ...shown, q: 'late' }, { ...query, tag: [...query.tag] })).toBe(false);
    expect(filtersShowView(DEFAULT_FILTERS, { status: 'open', assignee: 'all' })).toBe(true);
  });
});
