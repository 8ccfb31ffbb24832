import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelayMs } from './webhook-retry';
import { signWebhook } from './webhook-signature';
import { createHmac } from 'node:crypto';

describe('webhook retry schedule', () => {
  it('backs off 30 s, 2 min, 10 min, 1 h, 6 h, then gives up', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => webhookRetryDelayMs(n, 30_000, () => 0));
    expect(delays).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, null]);
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(6);
  });

  it('adds at most 20 % jitter', () => {
    expect(webhookRetryDelayMs(1, 1_000, () => 0.999)).toBe(1_200);
    expect(webhookRetryDelayMs(2, 1_000, () => 0.5)).toBe(4_400);
  });
});

describe('webhook signature', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const body = '{"id":"x"}';
    const expected = createHmac('sha256', 'whsec_test').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('whsec_test', 1_700_000_000, body)).toBe(`v1=${expected}`);
    expect(signWebhook('whsec_other', 1_700_000_000, body)).not.toBe(`v1=${expected}`);
  });
});
