import type { StreamEvent } from '@switchboard/contracts';
import { InOrderDelivery } from './in-order-delivery';

const batch = (from: number, to: number): StreamEvent[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i) =>
      ({
        cursor: from + i,
        type: 'message.created',
        conversationId: 'c',
        at: '',
        payload: {},
      }) as unknown as StreamEvent,
  );

describe('InOrderDelivery', () => {
  let delivered: [string, number[]][];
  let order: InOrderDelivery;

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    delivered = [];
    order = new InOrderDelivery((account, events) =>
      delivered.push([account, events.map((e) => e.cursor)]),
    );
  });
  afterEach(() => jest.useRealTimers());

  it('hands a batch that overtook a local writer still in flight on right after that writer’s', () => {
    order.push('a', batch(1, 3));
    const laneA = order.begin();
    const laneB = order.begin();
    laneB(); // lane B's answer came first
    order.push('a', batch(7, 9));
    expect(delivered).toEqual([['a', [1, 2, 3]]]);
    laneA();
    order.push('a', batch(4, 6));
    expect(delivered).toEqual([
      ['a', [1, 2, 3]],
      ['a', [4, 5, 6]],
      ['a', [7, 8, 9]],
    ]);
    jest.advanceTimersByTime(1_000);
    expect(delivered).toHaveLength(3);
  });

  it('hands a gap nobody here will fill on at once: another instance took those cursors', () => {
    order.push('a', batch(1, 2));
    const lane = order.begin();
    lane();
    order.push('a', batch(8, 9));
    expect(delivered).toEqual([
      ['a', [1, 2]],
      ['a', [8, 9]],
    ]);
  });

  it('releases held batches when the last local writer ends without filling the gap', async () => {
    order.push('a', batch(1, 2));
    const lost = order.begin(); // its commit's answer never comes back
    const lane = order.begin();
    lane();
    order.push('a', batch(8, 9));
    expect(delivered).toHaveLength(1);
    lost();
    await Promise.resolve();
    expect(delivered).toEqual([
      ['a', [1, 2]],
      ['a', [8, 9]],
    ]);
  });

  it('never holds longer than 250 ms, keeps accounts apart, passes repeats through, flushes', () => {
    const stuck = order.begin();
    order.push('a', batch(1, 2));
    order.push('a', batch(8, 9));
    order.push('a', batch(5, 6));
    order.push('b', batch(40, 41));
    order.push('a', batch(1, 1)); // a repeat: listeners drop it by cursor
    jest.advanceTimersByTime(249);
    expect(delivered).toEqual([
      ['a', [1, 2]],
      ['b', [40, 41]],
      ['a', [1]],
    ]);
    jest.advanceTimersByTime(1);
    expect(delivered.slice(3)).toEqual([
      ['a', [5, 6]],
      ['a', [8, 9]],
    ]);
    order.push('b', batch(44, 44));
    order.flush();
    expect(delivered.at(-1)).toEqual(['b', [44]]);
    stuck();
  });
});
