import { SendThrottle, systemClock, type ThrottleAnswer } from './send-throttle';

/** Fake timers move Date.now and setTimeout together; the throttle reads both through systemClock. */
describe('SendThrottle', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  const limits = { perBotPerSecond: 3, perChatPerSecond: 1, perGroupPerMinute: 2 };

  async function acquireAt(throttle: SendThrottle, chatId: number, budgetMs = 120_000) {
    const started = Date.now();
    const pending = throttle.acquire('bot', chatId, budgetMs);
    let answer: ThrottleAnswer | undefined;
    void pending.then((a) => (answer = a));
    await jest.advanceTimersByTimeAsync(0);
    while (!answer) await jest.advanceTimersByTimeAsync(10);
    if (answer.ok) answer.slot.done();
    return { answer, waited: Date.now() - started };
  }

  it('spaces sends to one private chat a second apart', async () => {
    const throttle = new SendThrottle(limits, systemClock, 0);
    expect((await acquireAt(throttle, 42)).waited).toBe(0);
    const second = await acquireAt(throttle, 42);
    expect(second.waited).toBeGreaterThanOrEqual(1000);
    expect(second.waited).toBeLessThan(1100);
  });

  it('lets a group have 20 a minute (here 2), then waits out the window', async () => {
    const throttle = new SendThrottle(limits, systemClock, 0);
    expect((await acquireAt(throttle, -5)).waited).toBe(0);
    expect((await acquireAt(throttle, -5)).waited).toBe(0);
    const third = await acquireAt(throttle, -5);
    expect(third.waited).toBeGreaterThanOrEqual(59_000);
  });

  it('caps the bot across chats', async () => {
    const throttle = new SendThrottle(limits, systemClock, 0);
    for (const chat of [1, 2, 3]) expect((await acquireAt(throttle, chat)).waited).toBe(0);
    expect((await acquireAt(throttle, 4)).waited).toBeGreaterThanOrEqual(990);
  });

  it('gives up without reserving when the wait exceeds the budget', async () => {
    const throttle = new SendThrottle(limits, systemClock, 0);
    await acquireAt(throttle, -5);
    await acquireAt(throttle, -5);
    const refused = await acquireAt(throttle, -5, 25_000);
    expect(refused.answer).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
    if (!refused.answer.ok) expect(refused.answer.retryAfterMs).toBeGreaterThan(25_000);
  });

  it('counts a send from when Telegram answered, not when it left', async () => {
    const throttle = new SendThrottle(limits, systemClock, 0);
    const first = await throttle.acquire('bot', 42, 10_000);
    await jest.advanceTimersByTimeAsync(400); // the request was in flight for 400 ms
    if (first.ok) first.slot.done();
    const second = await acquireAt(throttle, 42);
    expect(second.waited).toBeGreaterThanOrEqual(1000);
  });

  it('runs work for one chat in order, and other chats alongside', async () => {
    jest.useRealTimers();
    const throttle = new SendThrottle(limits);
    const log: string[] = [];
    const work = (name: string, ms: number) => () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          log.push(name);
          resolve();
        }, ms),
      );
    await Promise.all([
      throttle.inChatOrder('bot', 1, work('1a', 30)),
      throttle.inChatOrder('bot', 1, work('1b', 1)),
      throttle.inChatOrder('bot', 2, work('2a', 5)),
    ]);
    expect(log).toEqual(['2a', '1a', '1b']);
  });

  it('keeps the queue going after a failure', async () => {
    jest.useRealTimers();
    const throttle = new SendThrottle(limits);
    const failed = throttle.inChatOrder('bot', 1, () => Promise.reject(new Error('boom')));
    const next = throttle.inChatOrder('bot', 1, () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
