/**
 * Application-level group commit: concurrent callers' items are written in one transaction, and
 * each caller's promise settles only after that transaction committed (or failed).
 *
 * Items are spread over `writers` lanes by key; each lane runs one batch at a time, in arrival
 * order. Two items of one key (one sender) are therefore never in flight at once, and two lanes
 * never touch the same key: their batches take no row lock in common, so they cannot deadlock.
 * A batch takes what queued while the previous one ran, so it grows with the load and stays one
 * item when the server is idle (no timer, no added latency).
 */
export interface GroupCommitOptions<I, R> {
  writers: number;
  /** At most this many items per transaction (PostgreSQL caches 64 subtransactions per backend). */
  maxBatch: number;
  keyOf: (item: I) => string;
  /** One result per item, in order: a value or an Error for that item alone. */
  write: (items: I[]) => Promise<(R | Error)[]>;
}

interface Waiting<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (err: Error) => void;
}

export class GroupCommit<I, R> {
  private readonly lanes: { queue: Waiting<I, R>[]; busy: boolean }[];

  constructor(private readonly opts: GroupCommitOptions<I, R>) {
    if (opts.writers < 1 || opts.maxBatch < 1) throw new Error('GroupCommit needs a lane and room');
    this.lanes = Array.from({ length: opts.writers }, () => ({ queue: [], busy: false }));
  }

  submit(item: I): Promise<R> {
    const lane = this.lanes[laneOf(this.opts.keyOf(item), this.lanes.length)]!;
    return new Promise<R>((resolve, reject) => {
      lane.queue.push({ item, resolve, reject });
      if (!lane.busy) void this.drain(lane);
    });
  }

  /** Items waiting or being written, for load shedding and tests. */
  get pending(): number {
    return this.lanes.reduce((n, l) => n + l.queue.length + (l.busy ? 1 : 0), 0);
  }

  private async drain(lane: { queue: Waiting<I, R>[]; busy: boolean }): Promise<void> {
    lane.busy = true;
    try {
      while (lane.queue.length > 0) {
        const batch = lane.queue.splice(0, this.opts.maxBatch);
        let results: (R | Error)[];
        try {
          results = await this.opts.write(batch.map((w) => w.item));
          if (results.length !== batch.length)
            throw new Error(`group commit got ${results.length} results for ${batch.length} items`);
        } catch (err) {
          // Passed on as thrown (its code tells "database unavailable" apart from a bug); a driver
          // error may come from another realm, where `instanceof Error` does not hold.
          for (const w of batch) w.reject(err as Error);
          continue;
        }
        batch.forEach((w, i) => {
          const r = results[i]!;
          if (r instanceof Error) w.reject(r);
          else w.resolve(r);
        });
      }
    } finally {
      lane.busy = false;
    }
  }
}

/** FNV-1a: a stable, cheap spread of keys over lanes. */
export function laneOf(key: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % lanes;
}
