/** Wall-clock arithmetic for assertions, independent of the SPA's own code (only Intl). */
function wallParts(date: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

function offsetMs(utcMs: number, timeZone: string): number {
  const w = wallParts(new Date(utcMs), timeZone);
  const asUtc = Date.UTC(
    w['year'] ?? 0,
    (w['month'] ?? 1) - 1,
    w['day'],
    w['hour'],
    w['minute'],
    w['second'],
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant `days` after today (on `timeZone`'s calendar) at `hour`:00 on its clock. */
export function wallClockInstant(
  timeZone: string,
  days: number,
  hour: number,
  now = new Date(),
): Date {
  const today = wallParts(now, timeZone);
  const guess = Date.UTC(
    today['year'] ?? 0,
    (today['month'] ?? 1) - 1,
    (today['day'] ?? 1) + days,
    hour,
  );
  const first = guess - offsetMs(guess, timeZone);
  return new Date(guess - offsetMs(first, timeZone));
}

/** How the SPA names a time on a clock (en-GB, 24 h), for comparing with what it shows. */
export function clockText(
  date: Date,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).format(date);
}
