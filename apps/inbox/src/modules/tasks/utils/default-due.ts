const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * A new task's suggested due time: an hour from now, rounded up to the next quarter hour (a
 * quarter hour is whole in every time zone, so the operator's clock shows :00, :15, :30 or :45).
 */
export function defaultDueAt(now: Date): Date {
  const inAnHour = now.getTime() + 60 * 60_000;
  return new Date(Math.ceil(inAnHour / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}
