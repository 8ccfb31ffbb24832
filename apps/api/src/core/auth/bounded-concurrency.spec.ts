import { BoundedConcurrency, ConcurrencyLimitReached } from './bounded-concurrency';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('BoundedConcurrency', () => {
  it('runs at most `limit` at once, queues up to `queueLimit`, refuses the rest at once', async () => {
    const bound = new BoundedConcurrency(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    let peak = 0;
    let current = 0;
    const task = (i: number) => async () => {
      current++;
      peak = Math.max(peak, current);
      await gates[i]!.promise;
      current--;
      return i;
    };
    const results = [0, 1, 2].map((i) => bound.run(task(i)));
    await expect(bound.run(task(0))).rejects.toBeInstanceOf(ConcurrencyLimitReached);
    expect(bound.active).toBe(2);
    expect(bound.queued).toBe(1);

    gates[0]!.resolve();
    await results[0];
    // The freed slot went to the queued task, never above the limit.
    expect(bound.active).toBe(2);
    expect(bound.queued).toBe(0);
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    expect(bound.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const bound = new BoundedConcurrency(1, 0);
    await expect(bound.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(bound.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
