/**
 * Telegram's documented broadcast limits, kept in process before every send call: about 30
 * messages a second per bot, one a second per private chat, 20 a minute per group. Staying under
 * them is cheaper than riding out the 429s (and the longer bans) that follow breaking them. Each
 * API instance throttles on its own; a deployment with several still rides out the rest.
 */
export interface TelegramRateLimits {
  perBotPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

export const TELEGRAM_RATE_LIMITS: TelegramRateLimits = {
  perBotPerSecond: 30,
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
};

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A reserved send: stamp it when Telegram has answered. */
export interface ThrottleSlot {
  done(): void;
}

export type ThrottleAnswer =
  { ok: true; slot: ThrottleSlot; waitedMs: number } | { ok: false; retryAfterMs: number };

/**
 * Sliding windows over recent sends. A send is stamped when it leaves and again when its answer
 * arrives: Telegram counted it somewhere in between, so the later stamp is the safe one. In-flight
 * sends keep their departure stamp, padded by `marginMs` for the time the request travels.
 */
class SlidingWindow {
  private readonly stamps: { at: number }[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  waitMs(now: number): number {
    this.prune(now);
    if (this.stamps.length < this.limit) return 0;
    const sorted = this.stamps.map((s) => s.at).sort((a, b) => a - b);
    return sorted[sorted.length - this.limit] + this.windowMs - now;
  }

  reserve(now: number): { at: number } {
    const stamp = { at: now };
    this.stamps.push(stamp);
    return stamp;
  }

  get idle(): boolean {
    return this.stamps.length === 0;
  }

  private prune(now: number): void {
    for (let i = this.stamps.length - 1; i >= 0; i--)
      if (this.stamps[i].at + this.windowMs <= now) this.stamps.splice(i, 1);
  }
}

export class SendThrottle {
  private readonly bots = new Map<string, SlidingWindow>();
  private readonly chats = new Map<string, SlidingWindow>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly limits: TelegramRateLimits = TELEGRAM_RATE_LIMITS,
    private readonly clock: Clock = systemClock,
    private readonly marginMs = 50,
  ) {}

  /**
   * Runs `work` after every earlier piece of work for the same chat has finished: the parts of a
   * message, and messages to one chat, reach Telegram in the order they were sent.
   */
  inChatOrder<T>(bot: string, chatId: number, work: () => Promise<T>): Promise<T> {
    const key = `${bot}|${chatId}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /**
   * Waits until one more send to `chatId` fits every window, then reserves it. Gives up (without
   * reserving) when the wait would go past `budgetMs`, saying how long it would have been.
   */
  async acquire(bot: string, chatId: number, budgetMs: number): Promise<ThrottleAnswer> {
    const botWindow = this.window(this.bots, bot, this.limits.perBotPerSecond, 1000);
    const group = chatId < 0;
    const chatWindow = this.window(
      this.chats,
      `${bot}|${chatId}`,
      group ? this.limits.perGroupPerMinute : this.limits.perChatPerSecond,
      group ? 60_000 : 1000,
    );
    let waitedMs = 0;
    for (;;) {
      const now = this.clock.now();
      const wait = Math.max(botWindow.waitMs(now), chatWindow.waitMs(now));
      if (wait <= 0) {
        const stamps = [botWindow.reserve(now), chatWindow.reserve(now)];
        return {
          ok: true,
          waitedMs,
          slot: {
            done: () => {
              const answered = this.clock.now();
              for (const s of stamps) s.at = Math.max(s.at, answered);
            },
          },
        };
      }
      if (waitedMs + wait > budgetMs) return { ok: false, retryAfterMs: wait };
      await this.clock.sleep(wait);
      waitedMs += wait;
    }
  }

  private window(
    map: Map<string, SlidingWindow>,
    key: string,
    limit: number,
    windowMs: number,
  ): SlidingWindow {
    let window = map.get(key);
    if (!window) {
      if (map.size >= 10_000) this.sweep(map);
      window = new SlidingWindow(Math.max(1, limit), windowMs + this.marginMs);
      map.set(key, window);
    }
    return window;
  }

  /** Forgets chats that have been quiet for a whole window, so the maps stay small. */
  private sweep(map: Map<string, SlidingWindow>): void {
    const now = this.clock.now();
    for (const [key, window] of map) {
      window.waitMs(now);
      if (window.idle) map.delete(key);
    }
  }
}
