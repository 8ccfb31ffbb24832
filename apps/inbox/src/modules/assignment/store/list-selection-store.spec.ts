import { beforeEach, describe, expect, it } from 'vitest';
import { useListSelectionStore } from './list-selection-store';

const order = ['a', 'b', 'c', 'd', 'e'];
const toggle = (id: string, range = false) =>
  useListSelectionStore.getState().toggle(id, range, order);
const ids = () => [...useListSelectionStore.getState().ids].sort();

beforeEach(() => useListSelectionStore.getState().clear());

describe('list selection', () => {
  it('ticks and unticks single rows', () => {
    toggle('b');
    toggle('d');
    expect(ids()).toEqual(['b', 'd']);
    toggle('b');
    expect(ids()).toEqual(['d']);
  });

  it('Shift-click ticks every row between the anchor and the clicked one, either direction', () => {
    toggle('d');
    toggle('b', true);
    expect(ids()).toEqual(['b', 'c', 'd']);
    toggle('e', true);
    expect(ids()).toEqual(['b', 'c', 'd', 'e']);
  });

  it('Shift-click from an unticked anchor clears the range; without an anchor it is one row', () => {
    toggle('a', true);
    expect(ids()).toEqual(['a']);
    toggle('e', true);
    toggle('c');
    toggle('e', true);
    expect(ids()).toEqual(['a', 'b']);
  });
});
