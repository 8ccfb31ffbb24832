/**
 * Order statistics over several sorted runs of whole numbers (milliseconds) without merging or
 * sorting them: what a report needs to give the exact median and p90 of a week, a month or a
 * period from the sorted values each day's rollup cell keeps. The k-th smallest value is found by
 * a binary search over the values (whole numbers), counting with a binary search in each run:
 * O(runs · log n · log range), whatever the number of values.
 *
 * The runs are ranges [start, end) of one shared array (a report parses all its cells into one
 * buffer), so gathering them allocates nothing per cell.
 */
export interface SortedRuns {
  /** Whole numbers; each run ascending (exact in a double up to 2^53). */
  data: Float64Array;
  starts: number[];
  ends: number[];
  /**
   * Runs taken away: a multiset contained in the runs above (a conversation counted in two tags'
   * cells, once too many). Counting subtracts them, so the k-th smallest is that of the difference.
   */
  minus?: { starts: number[]; ends: number[] };
}

/** How many values of data[start, end) are at most `v`. */
function countAtMost(data: Float64Array, start: number, end: number, v: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((data[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo - start;
}

/** The k-th smallest value (0-based) of the runs together; k must be below their total length. */
export function kthSmallest({ data, starts, ends, minus }: SortedRuns, k: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    if (e <= s) continue;
    lo = Math.min(lo, data[s] as number);
    hi = Math.max(hi, data[e - 1] as number);
  }
  // The smallest v with more than k values at most v.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let n = 0;
    for (let i = 0; i < starts.length; i++)
      n += countAtMost(data, starts[i] as number, ends[i] as number, mid);
    if (minus)
      for (let i = 0; i < minus.starts.length; i++)
        n -= countAtMost(data, minus.starts[i] as number, minus.ends[i] as number, mid);
    if (n > k) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
export function percentileCont(runs: SortedRuns, total: number, p: number): number | null {
  if (total === 0) return null;
  const pos = p * (total - 1);
  const below = Math.floor(pos);
  const low = kthSmallest(runs, below);
  if (pos === below) return low;
  const high = kthSmallest(runs, below + 1);
  return low + (high - low) * (pos - below);
}

/**
 * Parses PostgreSQL's `array_to_string(bigint[], ',')` texts into one buffer, one pass over each:
 * run i is data[bounds[2i], bounds[2i + 1]).
 */
export function parseRuns(texts: ReadonlyArray<string | null>): {
  data: Float64Array;
  bounds: Int32Array;
} {
  let total = 0;
  for (const text of texts) {
    if (!text) continue;
    total += 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) total++;
  }
  const data = new Float64Array(total);
  const bounds = new Int32Array(texts.length * 2);
  let at = 0;
  texts.forEach((text, r) => {
    bounds[2 * r] = at;
    if (text) {
      let value = 0;
      let negative = false;
      for (let i = 0; i <= text.length; i++) {
        const c = i < text.length ? text.charCodeAt(i) : 44;
        if (c === 44) {
          data[at++] = negative ? -value : value;
          value = 0;
          negative = false;
        } else if (c === 45) negative = true;
        else value = value * 10 + (c - 48);
      }
    }
    bounds[2 * r + 1] = at;
  });
  return { data, bounds };
}
