import { describe, expect, it } from 'vitest';
import { ActiveTimeCounter } from './active-time-counter';

const shown = { visible: true, focused: true };

/** Ticks every second from `from` for `seconds`, with the presence given. */
function run(counter: ActiveTimeCounter, from: number, seconds: number, presence = shown): number {
  for (let i = 1; i <= seconds; i++) counter.tick(from + i * 1000, presence);
  return from + seconds * 1000;
}

describe('ActiveTimeCounter', () => {
  it('counts visible, focused time with recent input, and nothing else', () => {
    const c = new ActiveTimeCounter(0);
    let t = run(c, 0, 10);
    expect(c.take()).toBe(10);
    t = run(c, t, 5, { visible: false, focused: true });
    t = run(c, t, 5, { visible: true, focused: false });
    expect(c.take()).toBe(0);
    // No input since t=0: after 60 s idle nothing counts, until the next input.
    t = run(c, t, 60);
    expect(c.take() + c.take() + c.take()).toBe(40);
    c.input(t);
    run(c, t, 3);
    expect(c.take()).toBe(3);
  });

  it('keeps fractions and anything over one heartbeat for later, and skips a frozen tab', () => {
    const c = new ActiveTimeCounter(0);
    c.tick(1500, shown);
    expect(c.take()).toBe(1);
    c.tick(2000, shown);
    expect(c.take()).toBe(1);
    run(c, 2000, 25);
    expect(c.take()).toBe(20);
    expect(c.take()).toBe(5);
    c.tick(2000 + 25_000 + 30_000, shown);
    expect(c.take()).toBe(0);
  });
});
