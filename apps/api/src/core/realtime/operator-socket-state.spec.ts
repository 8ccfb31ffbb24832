import type { StreamEvent } from '@switchboard/contracts';
import { OperatorSocketState } from './operator-socket-state';

const ev = (cursor: number) => ({ cursor }) as StreamEvent;

describe('OperatorSocketState', () => {
  it('emits only the next cursor in order and drops duplicates', () => {
    const s = new OperatorSocketState(5);
    expect(s.accept([ev(4), ev(5), ev(6), ev(7)]).emit.map((e) => e.cursor)).toEqual([6, 7]);
    expect(s.cursor).toBe(7);
  });

  it('reports a gap instead of skipping ahead', () => {
    const s = new OperatorSocketState(1);
    const r = s.accept([ev(2), ev(4)]);
    expect(r.emit.map((e) => e.cursor)).toEqual([2]);
    expect(r.gap).toBe(true);
    expect(s.cursor).toBe(2);
  });
});
