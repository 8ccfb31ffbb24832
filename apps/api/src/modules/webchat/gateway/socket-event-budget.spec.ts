import { SocketEventBudget } from './socket-event-budget';

describe('SocketEventBudget', () => {
  it('allows a burst up to the limit, then again once the window has passed', () => {
    let now = 0;
    const budget = new SocketEventBudget(3, 1000, () => now);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now = 999;
    expect(budget.take()).toBe(false);
    now = 1000;
    expect(budget.take()).toBe(true);
  });
});
