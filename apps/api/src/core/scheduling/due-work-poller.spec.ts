import { Logger } from '@nestjs/common';
import { DueWorkPoller } from './due-work-poller';

const logger = new Logger('test');

/** A queue of due items that `take(n)` hands out in batches, recording how many calls overlap. */
function dueItems(count: number) {
  let left = count;
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    take: async (n: number) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      const got = Math.min(n, left);
      left -= got;
      inFlight--;
      return got;
    },
    left: () => left,
    maxInFlight: () => maxInFlight,
  };
}

describe('DueWorkPoller', () => {
  it('counts one per item for a one-at-a-time handler, and stops when nothing is due', async () => {
    const items = dueItems(7);
    const poller = new DueWorkPoller('t', 1000, async () => (await items.take(1)) > 0, logger);
    expect(await poller.drain()).toBe(7);
    expect(items.left()).toBe(0);
  });

  it('adds up the batches of a batch handler until one comes back empty', async () => {
    const items = dueItems(2_500);
    const poller = new DueWorkPoller('t', 1000, () => items.take(1000), logger);
    expect(await poller.drain()).toBe(2_500);
    expect(items.left()).toBe(0);
  });

  it('keeps several batches in flight with workers, each item counted once', async () => {
    const items = dueItems(10_000);
    const poller = new DueWorkPoller('t', 1000, () => items.take(1000), logger, 2);
    expect(await poller.drain()).toBe(10_000);
    expect(items.maxInFlight()).toBe(2);
  });

  it('stop() waits for the batch in hand and starts no other', async () => {
    const items = dueItems(10_000);
    const poller = new DueWorkPoller('t', 1000, () => items.take(1000), logger);
    poller.start();
    await new Promise((r) => setTimeout(r, 12));
    await poller.stop();
    const left = items.left();
    expect(left).toBeGreaterThan(0);
    expect(left % 1000).toBe(0);
    await new Promise((r) => setTimeout(r, 30));
    expect(items.left()).toBe(left);
  });
});
