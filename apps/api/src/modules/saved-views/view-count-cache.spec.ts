import { ViewCountCache, viewCountKey } from './view-count-cache';

describe('view count cache', () => {
  const admin = { id: 'op-1', scope: 'all' };
  const otherAdmin = { id: 'op-2', scope: 'all' };
  const agent = { id: 'op-3', scope: 'inboxes:a,b' };

  it('shares a count between viewers with the same access, unless the query is about the viewer', () => {
    const unassigned = { status: 'open', assignee: 'unassigned', tag: ['payment'] } as const;
    const q = { ...unassigned, tag: [...unassigned.tag] };
    expect(viewCountKey('acc', admin, q)).toBe(viewCountKey('acc', otherAdmin, q));
    expect(viewCountKey('acc', admin, q)).not.toBe(viewCountKey('acc', agent, q));
    expect(viewCountKey('acc', admin, q)).not.toBe(viewCountKey('other', admin, q));
    // Key order and absent keys do not matter; values do.
    expect(
      viewCountKey('acc', admin, {
        tag: ['payment'],
        assignee: 'unassigned',
        status: 'open',
        q: undefined,
      }),
    ).toBe(viewCountKey('acc', admin, q));
    expect(viewCountKey('acc', admin, { ...q, tag: ['vip'] })).not.toBe(
      viewCountKey('acc', admin, q),
    );
    const mine = { status: 'open', assignee: 'mine' } as const;
    expect(viewCountKey('acc', admin, mine)).not.toBe(viewCountKey('acc', otherAdmin, mine));
    // A filter this list does not know yet might be about the viewer: not shared.
    const unknown = { status: 'open', assignee: 'all', mentioned: true } as never;
    expect(viewCountKey('acc', admin, unknown)).not.toBe(viewCountKey('acc', otherAdmin, unknown));
  });

  it('reuses a count only at the same stream position and not for long', () => {
    const cache = new ViewCountCache();
    cache.set('k', '10:', 4, 0);
    expect(cache.get('k', '10:', 1_000)).toBe(4);
    expect(cache.get('k', '10:77', 1_000)).toBeUndefined();
    cache.set('k', '11:', 5, 0);
    expect(cache.get('k', '11:', 61_000)).toBeUndefined();
  });
});
