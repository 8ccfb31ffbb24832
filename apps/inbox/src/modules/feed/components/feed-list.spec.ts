import { describe, expect, it } from 'vitest';
import { rowsInsertedAbove } from './feed-list';

describe('rowsInsertedAbove', () => {
  const before = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('counts rows that arrived above the first visible row', () => {
    expect(rowsInsertedAbove(before, ['new', ...before], 3)).toBe(1);
    expect(rowsInsertedAbove(before, ['x', 'y', ...before], 2)).toBe(2);
  });

  it('ignores the visible row itself jumping to the top and uses the next one', () => {
    // d (first visible) got a new message and moved to the top: e is still where it was.
    expect(rowsInsertedAbove(before, ['d', 'a', 'b', 'c', 'e', 'f'], 3)).toBe(0);
  });

  it('follows rows that left above the viewport', () => {
    // a was closed: everything below moved up by one.
    expect(rowsInsertedAbove(before, ['b', 'c', 'd', 'e', 'f'], 3)).toBe(-1);
    // e (in view) was closed: nothing above changed.
    expect(rowsInsertedAbove(before, ['a', 'b', 'c', 'd', 'f'], 3)).toBe(0);
  });
});
