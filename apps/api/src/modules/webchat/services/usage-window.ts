/** The fixed windows the widget's limits count in, aligned to UTC. */
export type UsageWindowSize = 'minute' | 'hour' | 'day';

const LENGTH_MS: Record<UsageWindowSize, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

export interface UsageWindow {
  start: Date;
  end: Date;
}

export function usageWindow(size: UsageWindowSize, now: Date): UsageWindow {
  const length = LENGTH_MS[size];
  const start = Math.floor(now.getTime() / length) * length;
  return { start: new Date(start), end: new Date(start + length) };
}

/** Whole seconds until the window ends, at least 1 (what Retry-After says). */
export function secondsUntilEnd(window: UsageWindow, now: Date): number {
  return Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000));
}
