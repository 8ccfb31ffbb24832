import { safeTimeZone, toWallTime } from '../shared/time/zoned-time';
import { currentLocale, t } from './i18n';

let timeZone = 'UTC';

/** Dates are shown on the operator's clock (profile timezone), in the operator's locale. */
export function setTimeZone(zone: string | null | undefined): void {
  timeZone = safeTimeZone(zone);
}

export function currentTimeZone(): string {
  return timeZone;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = currentLocale() + timeZone + JSON.stringify(options);
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(currentLocale(), { timeZone, ...options });
    cache.set(key, formatter);
  }
  return formatter;
}

function dayNumber(date: Date): number {
  const w = toWallTime(date, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;
}

export function formatTime(date: Date): string {
  return fmt({ hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatFullDateTime(date: Date): string {
  return fmt({ dateStyle: 'full', timeStyle: 'short' }).format(date);
}

/** Compact stamp for a feed row: time today, "Yesterday", weekday this week, else a date. */
export function formatListStamp(date: Date, now: Date = new Date()): string {
  const diff = dayNumber(now) - dayNumber(date);
  if (diff <= 0) return formatTime(date);
  if (diff === 1) return t('time.yesterday');
  if (diff < 7) return fmt({ weekday: 'short' }).format(date);
  // Search reaches every year of history: a date from another year says which.
  if (yearOf(date) !== yearOf(now))
    return fmt({ day: 'numeric', month: 'short', year: 'numeric' }).format(date);
  return fmt({ day: 'numeric', month: 'short' }).format(date);
}

function yearOf(date: Date): number {
  return toWallTime(date, timeZone).year;
}

/** A point in the near future, as people say it: "Today 18:00", "Tomorrow 09:00", "Mon 09:00". */
export function formatUpcoming(date: Date, now: Date = new Date()): string {
  const diff = dayNumber(date) - dayNumber(now);
  const time = formatTime(date);
  if (diff === 0) return t('time.today', { time });
  if (diff === 1) return t('time.tomorrow', { time });
  if (diff > 1 && diff < 7) return `${fmt({ weekday: 'short' }).format(date)} ${time}`;
  return fmt({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** Timestamp above a message: the time, plus the date when it is not today. */
export function formatMessageStamp(date: Date, now: Date = new Date()): string {
  if (dayNumber(now) === dayNumber(date)) return formatTime(date);
  if (yearOf(date) !== yearOf(now))
    return fmt({ dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return fmt({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A weekday and time, for a preset that names its day: "Mon 09:00". */
export function formatWeekdayTime(date: Date): string {
  return fmt({ weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A weekday, date and time, for a day further off: "Mon 7 Dec, 09:00". */
export function formatWeekdayDateTime(date: Date): string {
  return fmt({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
