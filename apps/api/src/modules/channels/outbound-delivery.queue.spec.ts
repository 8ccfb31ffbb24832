import { attemptLeaseMs, outboundDeliveryQueue, retryDelayMs } from './outbound-delivery.queue';

describe('outbound delivery timing', () => {
  it('leases an attempt for its send budget plus as much again to record it, 5 to 60 s', () => {
    expect(attemptLeaseMs(1_000)).toBe(6_000);
    expect(attemptLeaseMs(20_000)).toBe(40_000);
    expect(attemptLeaseMs(300_000)).toBe(360_000);
  });

  it('expires a job only after the attempt it may hold has run out its lease', () => {
    for (const budget of [500, 1_000, 20_000, 300_000, 3_600_000]) {
      const { expireInSeconds } = outboundDeliveryQueue(budget);
      expect(expireInSeconds * 1000).toBeGreaterThan(attemptLeaseMs(budget) + 5_000);
    }
  });

  it('backs off 2, 4, 8, 16, 32 s, or longer when the channel asks, never past 15 min', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
    expect(retryDelayMs(1, 90_000)).toBe(90_000);
    expect(retryDelayMs(1, 10 ** 9)).toBe(15 * 60_000);
  });
});
