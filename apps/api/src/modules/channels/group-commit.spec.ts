import { GroupCommit, laneOf } from './group-commit';

const tick = () => new Promise((r) => setImmediate(r));

/** A write that records its batches and settles only when the test says so. */
function controlledWrite() {
  const batches: string[][] = [];
  const release: (() => void)[] = [];
  const write = (items: string[]) => {
    batches.push(items);
    return new Promise<(string | Error)[]>((resolve) => {
      release.push(() =>
        resolve(items.map((i) => (i.startsWith('bad') ? new Error(i) : `ok:${i}`))),
      );
    });
  };
  return { batches, release, write };
}

describe('GroupCommit', () => {
  it('writes one item at once when idle, and what queued meanwhile as the next batch', async () => {
    const w = controlledWrite();
    const gc = new GroupCommit<string, string>({
      writers: 1,
      maxBatch: 10,
      keyOf: (i) => i,
      write: w.write,
    });
    const first = gc.submit('a');
    await tick();
    expect(w.batches).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((i) => gc.submit(i));
    await tick();
    expect(w.batches).toHaveLength(1); // one batch in flight per lane
    w.release[0]!();
    await expect(first).resolves.toBe('ok:a');
    await tick();
    expect(w.batches[1]).toEqual(['b', 'c', 'd']);
    w.release[1]!();
    await expect(Promise.all(rest)).resolves.toEqual(['ok:b', 'ok:c', 'ok:d']);
    expect(gc.pending).toBe(0);
  });

  it('never puts more than maxBatch items in one transaction, in arrival order', async () => {
    const w = controlledWrite();
    const gc = new GroupCommit<string, string>({
      writers: 1,
      maxBatch: 2,
      keyOf: () => 'k',
      write: w.write,
    });
    const all = ['a', 'b', 'c', 'd', 'e'].map((i) => gc.submit(i));
    for (let i = 0; i < 3; i++) {
      await tick();
      w.release[i]!();
    }
    await Promise.all(all);
    expect(w.batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('fails only the item whose write failed; a failed batch fails each of its items', async () => {
    const w = controlledWrite();
    const gc = new GroupCommit<string, string>({
      writers: 1,
      maxBatch: 10,
      keyOf: () => 'k',
      write: w.write,
    });
    const items = ['a', 'bad-1', 'c'].map((i) => gc.submit(i));
    await tick();
    w.release[0]!();
    await tick();
    expect(w.batches).toEqual([['a'], ['bad-1', 'c']]);
    w.release[1]!();
    const settled = await Promise.allSettled(items);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);

    const broken = new GroupCommit<string, string>({
      writers: 1,
      maxBatch: 10,
      keyOf: () => 'k',
      write: () => Promise.reject(new Error('connection lost')),
    });
    const lost = await Promise.allSettled([broken.submit('x'), broken.submit('y')]);
    expect(lost.map((s) => s.status === 'rejected' && (s.reason as Error).message)).toEqual([
      'connection lost',
      'connection lost',
    ]);
    // The lane is free again after a failure.
    expect(broken.pending).toBe(0);

    // What the write threw reaches each caller as it is (a driver error keeps its code).
    const driverError = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' };
    const refused = new GroupCommit<string, string>({
      writers: 1,
      maxBatch: 10,
      keyOf: () => 'k',
      write: () => Promise.reject(driverError),
    });
    await expect(refused.submit('z')).rejects.toBe(driverError);
  });

  it('keeps one key in one lane and runs lanes side by side', async () => {
    const w = controlledWrite();
    const gc = new GroupCommit<string, string>({
      writers: 4,
      maxBatch: 10,
      keyOf: (i) => i.split('#')[0]!,
      write: w.write,
    });
    const keys = Array.from({ length: 40 }, (_, i) => `sender-${i}`);
    const lanes = new Set(keys.map((k) => laneOf(k, 4)));
    expect(lanes.size).toBe(4); // the hash spreads
    for (const k of keys) expect(laneOf(k, 4)).toBe(laneOf(k, 4));
    const a = gc.submit('sender-1#1');
    const b = gc.submit('sender-1#2');
    await tick();
    // The same sender's second item waits for the first one's transaction.
    expect(w.batches).toEqual([['sender-1#1']]);
    const other = keys.find((k) => laneOf(k, 4) !== laneOf('sender-1', 4))!;
    const c = gc.submit(`${other}#1`);
    await tick();
    expect(w.batches).toHaveLength(2);
    w.release[0]!();
    w.release[1]!();
    await tick();
    w.release[2]!();
    await expect(Promise.all([a, b, c])).resolves.toHaveLength(3);
  });
});
