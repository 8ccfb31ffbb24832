import type { BusinessHours } from './business-hours';

/*
 * Business-time arithmetic over an inbox's weekly schedule. Everything works on whole local days of
 * the schedule's timezone: each day's open intervals become UTC instants (DST-aware through
 * Intl offsets), then we walk forward day by day. Every loop is bounded by a day horizon, so a
 * schedule that never opens cannot spin forever.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Returned by `addBusinessMinutes` when the schedule never opens within the horizon. */
export const NEVER = new Date(8_640_000_000_000_000);
/** Longest run of closed days we look through (holidays are capped at 366 a schedule). */
const CLOSED_RUN_DAYS = 2 * 366 + 14;
/** Absolute cap for `addBusinessMinutes` walks (about 100 years). */
const MAX_WALK_DAYS = 36_600;

interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA timezone (bad ones are refused with 422 before storage). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local day (YYYY-MM-DD) of an instant in a timezone. */
export function localDayOf(timeZone: string, at: Date): string {
  return new Date(wallOf(timeZone, at.getTime())).toISOString().slice(0, 10);
}

/** Noon of a local day (YYYY-MM-DD) in a timezone: an instant safely inside that day. */
export function noonOfLocalDay(timeZone: string, day: string): Date {
  return new Date(instantOfWall(timeZone, Date.parse(`${day}T12:00:00Z`)));
}

/** Local wall-clock fields of an instant, as a UTC timestamp of the same wall time. */
function wallOf(timeZone: string, instant: number): number {
  const f: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') f[p.type] = Number(p.value);
  }
  return Date.UTC(f['year'], f['month'] - 1, f['day'], f['hour'] % 24, f['minute'], f['second']);
}

/** Offset of the zone at an instant (local minus UTC), in ms. */
function offsetAt(timeZone: string, instant: number): number {
  return wallOf(timeZone, instant) - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a local wall time. Ambiguous times (autumn) take the earlier instant; times
 * that do not exist (spring gap) move forward by the gap, as clocks do.
 */
function instantOfWall(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  if (before === after) return wall - before;
  const a = wall - before;
  const b = wall - after;
  const aValid = offsetAt(timeZone, a) === before;
  const bValid = offsetAt(timeZone, b) === after;
  if (aValid && bValid) return Math.min(a, b);
  if (aValid) return a;
  if (bValid) return b;
  return a;
}

function localDateOf(timeZone: string, instant: number): LocalDate {
  const w = new Date(wallOf(timeZone, instant));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
}

function nextDate(date: LocalDate): LocalDate {
  const n = new Date(Date.UTC(date.y, date.m - 1, date.d + 1));
  return { y: n.getUTCFullYear(), m: n.getUTCMonth() + 1, d: n.getUTCDate() };
}

function isoDate(date: LocalDate): string {
  const mm = String(date.m).padStart(2, '0');
  const dd = String(date.d).padStart(2, '0');
  return `${String(date.y).padStart(4, '0')}-${mm}-${dd}`;
}

function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** Open stretches of one local day as sorted, merged, non-empty [start, end) UTC ms pairs. */
function openIntervalsOn(
  hours: BusinessHours,
  date: LocalDate,
  holidays: Set<string>,
): Array<[number, number]> {
  if (holidays.has(isoDate(date))) return [];
  const weekday = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  const raw: Array<[number, number]> = [];
  for (const i of hours.intervals) {
    if (i.day !== weekday) continue;
    const start = instantOfWall(
      hours.timezone,
      Date.UTC(date.y, date.m - 1, date.d, 0, clockMinutes(i.from)),
    );
    const end = instantOfWall(
      hours.timezone,
      Date.UTC(date.y, date.m - 1, date.d, 0, clockMinutes(i.to)),
    );
    if (end > start) raw.push([start, end]);
  }
  raw.sort((p, q) => p[0] - q[0]);
  const merged: Array<[number, number]> = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Walks local days from the one containing `from`, handing each day's open intervals to `visit` until it returns true. */
function walkDays(
  hours: BusinessHours,
  from: number,
  maxDays: number,
  visit: (intervals: Array<[number, number]>) => boolean,
): void {
  const holidays = new Set(hours.holidays ?? []);
  let date = localDateOf(hours.timezone, from);
  for (let n = 0; n < maxDays; n++) {
    if (visit(openIntervalsOn(hours, date, holidays))) return;
    date = nextDate(date);
  }
}

/** Whether the schedule is open at `at`; no schedule means always open. */
export function isWithinBusinessHours(hours: BusinessHours | null, at: Date): boolean {
  if (!hours) return true;
  const t = at.getTime();
  const holidays = new Set(hours.holidays ?? []);
  return openIntervalsOn(hours, localDateOf(hours.timezone, t), holidays).some(
    ([s, e]) => s <= t && t < e,
  );
}

/** The first open instant at or after `at` (`at` itself when open), or null when it never opens. */
export function nextOpening(hours: BusinessHours | null, at: Date): Date | null {
  if (!hours) return new Date(at.getTime());
  if (hours.intervals.length === 0) return null;
  const t = at.getTime();
  let found: number | null = null;
  walkDays(hours, t, CLOSED_RUN_DAYS, (intervals) => {
    for (const [s, e] of intervals) {
      if (e > t) {
        found = Math.max(s, t);
        return true;
      }
    }
    return false;
  });
  return found === null ? null : new Date(found);
}

/** Nominal open minutes per week, to size the walk horizon. */
function weeklyOpenMinutes(hours: BusinessHours): number {
  return hours.intervals.reduce((sum, i) => sum + clockMinutes(i.to) - clockMinutes(i.from), 0);
}

/**
 * The instant when `minutes` of open time have passed since `from`; null hours = plain minutes.
 * `NEVER` when the schedule does not provide that much open time within about a century.
 */
export function addBusinessMinutes(hours: BusinessHours | null, from: Date, minutes: number): Date {
  const t = from.getTime();
  if (!hours) return new Date(t + minutes * MINUTE);
  if (minutes <= 0) return new Date(t);
  const weekly = weeklyOpenMinutes(hours);
  if (weekly <= 0) return NEVER;
  const maxDays = Math.min(
    MAX_WALK_DAYS,
    CLOSED_RUN_DAYS + Math.ceil(minutes / weekly + 1) * 7 * 2,
  );
  let remaining = Math.round(minutes * MINUTE);
  let result: number | null = null;
  walkDays(hours, t, maxDays, (intervals) => {
    for (const [s, e] of intervals) {
      if (e <= t) continue;
      const start = Math.max(s, t);
      if (remaining <= e - start) {
        result = start + remaining;
        return true;
      }
      remaining -= e - start;
    }
    return false;
  });
  return result === null ? NEVER : new Date(result);
}

/** Open minutes between two instants (negative when `to` is before `from`); null hours = plain minutes. */
export function businessMinutesBetween(hours: BusinessHours | null, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -businessMinutesBetween(hours, to, from);
  if (!hours) return (b - a) / MINUTE;
  let total = 0;
  const days = Math.ceil((b - a) / DAY) + 2;
  walkDays(hours, a, days, (intervals) => {
    for (const [s, e] of intervals) {
      if (s >= b) return true;
      total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return false;
  });
  return total / MINUTE;
}
