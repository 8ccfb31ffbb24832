import { MinuteLimiter } from './help-centre-limits';

const MINUTE = 60_000;
const start = 1_000 * MINUTE;

/** Takes `n` requests from `network` at `at`; how many were admitted. */
function admitted(limiter: MinuteLimiter, n: number, at: number, network = 'net-a'): number {
  let ok = 0;
  for (let i = 0; i < n; i++) if (limiter.take(network, at) === 0) ok++;
  return ok;
}

describe('MinuteLimiter', () => {
  it('admits the allowance in a minute, refuses the next one, and counts networks apart', () => {
    const limiter = new MinuteLimiter(20);
    expect(admitted(limiter, 20, start + 1_000)).toBe(20);
    expect(limiter.take('net-a', start + 2_000)).toBeGreaterThan(0);
    expect(limiter.take('net-b', start + 2_000)).toBe(0);
  });

  it('does not let a caller spend two allowances across a minute edge', () => {
    const limiter = new MinuteLimiter(20);
    expect(admitted(limiter, 20, start + MINUTE - 100)).toBe(20);
    // A fixed window would admit 20 more here; the sliding minute still holds the first 20.
    expect(admitted(limiter, 20, start + MINUTE + 100)).toBe(0);
    // Half a minute on, half of the last minute's count has faded.
    expect(admitted(limiter, 20, start + MINUTE + 30_000)).toBe(10);
  });

  it('says how long to wait until one more request is admitted', () => {
    const limiter = new MinuteLimiter(20);
    admitted(limiter, 20, start + 10_000);
    // This minute is full: the next one admits one more when a twentieth of this one has faded.
    const wait = limiter.take('net-a', start + 10_000);
    expect(wait).toBe(53);
    expect(limiter.take('net-a', start + 10_000 + (wait - 1) * 1_000)).toBeGreaterThan(0);
    expect(limiter.take('net-a', start + 10_000 + wait * 1_000)).toBe(0);
    // A caller refused by the last minute's weight is told when it fades enough.
    const fading = new MinuteLimiter(20);
    admitted(fading, 20, start + MINUTE - 1);
    const fadeWait = fading.take('net-a', start + MINUTE);
    expect(fadeWait).toBe(3);
    expect(fading.take('net-a', start + MINUTE + fadeWait * 1_000)).toBe(0);
  });

  it('forgets callers two minutes back', () => {
    const limiter = new MinuteLimiter(20);
    admitted(limiter, 20, start);
    expect(admitted(limiter, 20, start + 2 * MINUTE + 1)).toBe(20);
  });
});
