/**
 * A per-connection allowance of events in a sliding window. Typing and receipts from a widget are
 * best-effort signals; a page that floods them is simply not listened to for a moment, so one
 * visitor cannot keep the database busy. Per socket, so nothing needs sharing between instances.
 */
export class SocketEventBudget {
  private readonly times: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(): boolean {
    const now = this.now();
    while (this.times.length > 0 && now - this.times[0] >= this.windowMs) this.times.shift();
    if (this.times.length >= this.max) return false;
    this.times.push(now);
    return true;
  }
}
