/**
 * How a function's running time grows with its input, for tests that prove a parser linear.
 * Wall-clock numbers on a shared machine are noisy, so each size is timed a few times and the
 * fastest run counts (noise only ever adds time), and the verdict compares growth, not an absolute
 * budget: doubling the input twice multiplies linear work by 4 and quadratic work by 16.
 */
export interface Growth {
  sizes: number[];
  /** Fastest run per size, in milliseconds. */
  ms: number[];
  /** Time at the largest size over time at the smallest, with the smallest floored at `floorMs`. */
  factor: number;
}

/** Below this, a measurement is timer noise; the factor is taken against at least this. */
const FLOOR_MS = 2;

export async function measureGrowth(
  run: (input: string) => unknown,
  craft: (size: number) => string,
  sizes: number[],
  repeats = 3,
): Promise<Growth> {
  const ms: number[] = [];
  for (const size of sizes) {
    const input = craft(size);
    let best = Infinity;
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      await run(input);
      best = Math.min(best, performance.now() - started);
    }
    ms.push(best);
  }
  return { sizes, ms, factor: ms[ms.length - 1] / Math.max(ms[0], FLOOR_MS) };
}

/**
 * The largest factor a linear function may show over `sizes`: four times the ideal, because a
 * shared CI machine adds noise; still half of what quadratic growth shows over an 8× range.
 */
export function linearBound(sizes: number[]): number {
  return (4 * sizes[sizes.length - 1]) / sizes[0];
}

export function describeGrowth(g: Growth): string {
  return g.sizes.map((s, i) => `${s} chars: ${g.ms[i].toFixed(1)} ms`).join(', ');
}
