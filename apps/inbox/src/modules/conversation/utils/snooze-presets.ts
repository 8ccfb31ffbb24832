import {
  addDays,
  toWallTime,
  wallTimeToDate,
  type WallTime,
} from '../../../shared/time/zoned-time';

export type SnoozePresetId =
  'in_one_hour' | 'later_today' | 'this_evening' | 'tomorrow_morning' | 'next_monday';

export interface SnoozePreset {
  id: SnoozePresetId;
  until: Date;
}

const HOUR_MS = 60 * 60 * 1000;
const QUARTER_MS = 15 * 60 * 1000;
const EVENING_HOUR = 18;
const MORNING_HOUR = 9;
/**
 * "This evening" is offered only while it is this far away: closer, it is no real snooze and
 * would say almost what "In 1 hour" says.
 */
const EVENING_MIN_LEAD_MS = 90 * 60 * 1000;
/** "Later today" is about three hours away, on a quarter hour. */
const LATER_TODAY_MS = 3 * HOUR_MS;
/** "Later today" ends at least this long before "This evening", or it would say the same. */
const DISTINCT_MS = HOUR_MS;

const sameDay = (a: WallTime, b: WallTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * The one-click snooze choices, computed in the operator's timezone: 09:00 tomorrow is 09:00 on the
 * operator's wall clock, whatever the browser's zone or a DST change in between. Each preset means
 * what it says on every day: "Later today" never lands tomorrow, "This evening" is gone once the
 * evening has come, and on a Sunday "Tomorrow" already is Monday, so "Next week" is not offered
 * beside it.
 */
export function computeSnoozePresets(now: Date, timeZone: string): SnoozePreset[] {
  const today = toWallTime(now, timeZone);
  const at = (day: Pick<WallTime, 'year' | 'month' | 'day'>, hour: number) =>
    wallTimeToDate({ ...day, hour, minute: 0, second: 0 }, timeZone);
  const presets: SnoozePreset[] = [{ id: 'in_one_hour', until: new Date(now.getTime() + HOUR_MS) }];

  const evening = at(today, EVENING_HOUR);
  const eveningOffered = evening.getTime() - now.getTime() >= EVENING_MIN_LEAD_MS;

  // "Later today" comes before "This evening" (and clearly apart), or after the evening has come.
  const later = new Date(Math.ceil((now.getTime() + LATER_TODAY_MS) / QUARTER_MS) * QUARTER_MS);
  const laterIsToday = sameDay(toWallTime(later, timeZone), today);
  const beforeEvening = !eveningOffered || evening.getTime() - later.getTime() >= DISTINCT_MS;
  if (laterIsToday && beforeEvening) presets.push({ id: 'later_today', until: later });

  if (eveningOffered) presets.push({ id: 'this_evening', until: evening });

  presets.push({ id: 'tomorrow_morning', until: at(addDays(today, 1), MORNING_HOUR) });

  // The Monday of next week: on a Sunday that is tomorrow, already offered as such.
  const daysToMonday = (1 - today.weekday + 7) % 7 || 7;
  if (daysToMonday > 1)
    presets.push({ id: 'next_monday', until: at(addDays(today, daysToMonday), MORNING_HOUR) });
  return presets;
}
