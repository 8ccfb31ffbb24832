import { kthSmallest, parseRuns, percentileCont, type SortedRuns } from './sorted-runs';

/** A reference percentile_cont over one sorted copy of everything. */
function reference(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Runs as a report gathers them: sorted texts parsed into one buffer, in shuffled order. */
function runsOf(lists: number[][]): SortedRuns {
  const { data, bounds } = parseRuns(
    lists.map((l) => (l.length ? [...l].sort((a, b) => a - b).join(',') : null)),
  );
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = lists.length - 1; i >= 0; i--) {
    starts.push(bounds[2 * i]!);
    ends.push(bounds[2 * i + 1]!);
  }
  return { data, starts, ends };
}

describe('sorted runs', () => {
  it('matches percentile_cont over the union, for random runs with repeats and empty runs', () => {
    const random = seeded(17);
    for (let trial = 0; trial < 500; trial++) {
      const lists: number[][] = [];
      const count = 1 + Math.floor(random() * 12);
      // Narrow ranges make many repeats; wide ones make none.
      const range = random() < 0.5 ? 5 : 200_000;
      for (let r = 0; r < count; r++)
        lists.push(
          Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * range)),
        );
      const all = lists.flat();
      const runs = runsOf(lists);
      for (const p of [0, 0.1, 0.5, 0.9, 1])
        expect(percentileCont(runs, all.length, p)).toBe(reference(all, p));
    }
  });

  it('takes subtracted runs away: the percentiles of what is left, for random sub-multisets', () => {
    const random = seeded(29);
    for (let trial = 0; trial < 300; trial++) {
      const range = random() < 0.5 ? 4 : 100_000;
      const lists = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
        Array.from({ length: Math.floor(random() * 20) }, () => Math.floor(random() * range)),
      );
      // A conversation counted in two tags' cells: some values appear in the runs once too often.
      const all = lists.flat();
      const taken: number[][] = [[], []];
      const left: number[] = [];
      for (const v of all) {
        if (random() < 0.3) taken[Math.floor(random() * 2)]!.push(v);
        else left.push(v);
      }
      const both = runsOf([...lists, ...taken]);
      const runs: SortedRuns = {
        data: both.data,
        starts: both.starts.slice(taken.length),
        ends: both.ends.slice(taken.length),
        minus: {
          starts: both.starts.slice(0, taken.length),
          ends: both.ends.slice(0, taken.length),
        },
      };
      for (const p of [0, 0.5, 0.9, 1])
        expect(percentileCont(runs, left.length, p)).toBe(reference(left, p));
    }
  });

  it('finds each rank of a hand-made case', () => {
    const runs = runsOf([[1, 5, 9], [], [2, 5], [7]]);
    expect([0, 1, 2, 3, 4, 5].map((k) => kthSmallest(runs, k))).toEqual([1, 2, 5, 5, 7, 9]);
    // Four waits 600, 1200, 1800, 86400: the median between the middle two, p90 near the top.
    const waits = runsOf([
      [600, 1_800],
      [1_200, 86_400],
    ]);
    expect(percentileCont(waits, 4, 0.5)).toBe(1_500);
    expect(percentileCont(waits, 4, 0.9)).toBeCloseTo(1_800 + (86_400 - 1_800) * 0.7, 6);
    expect(percentileCont(runsOf([]), 0, 0.5)).toBeNull();
  });

  it('parses array_to_string texts into one buffer, including negative, large and empty', () => {
    const { data, bounds } = parseRuns(['3,-4,120000,31536000000000', null, '7', '']);
    expect([...data]).toEqual([3, -4, 120_000, 31_536_000_000_000, 7]);
    expect([...bounds]).toEqual([0, 4, 4, 4, 4, 5, 5, 5]);
  });

  it('gives the exact p90 of 90 daily runs of 3,000 values (a 90-day period)', () => {
    const random = seeded(5);
    const lists = Array.from({ length: 90 }, () =>
      Array.from({ length: 3_000 }, () => Math.floor(random() * 86_400_000)),
    );
    expect(percentileCont(runsOf(lists), 270_000, 0.9)).toBe(reference(lists.flat(), 0.9));
  });
});
