import { addDays, toWallTime, wallTimeToDate } from '../../../shared/time/zoned-time';

export type SnoozePresetId = 'in_one_hour' | 'this_evening' | 'tomorrow_morning' | 'next_monday';

export interface SnoozePreset {
  id: SnoozePresetId;
  until: Date;
}

const EVENING_HOUR = 18;
const MORNING_HOUR = 9;
/** "This evening" is offered only while it is at least this far away, else it is no real snooze. */
const EVENING_MIN_LEAD_MS = 60 * 60 * 1000;

/**
 * The one-click snooze choices, computed in the operator's timezone: 09:00 tomorrow is 09:00 on the
 * operator's wall clock, whatever the browser's zone or a DST change in between.
 */
export function computeSnoozePresets(now: Date, timeZone: string): SnoozePreset[] {
  const today = toWallTime(now, timeZone);
  const presets: SnoozePreset[] = [
    { id: 'in_one_hour', until: new Date(now.getTime() + 60 * 60 * 1000) },
  ];

  const evening = wallTimeToDate({ ...today, hour: EVENING_HOUR, minute: 0, second: 0 }, timeZone);
  if (evening.getTime() - now.getTime() >= EVENING_MIN_LEAD_MS) {
    presets.push({ id: 'this_evening', until: evening });
  }

  const tomorrow = addDays(today, 1);
  presets.push({
    id: 'tomorrow_morning',
    until: wallTimeToDate({ ...tomorrow, hour: MORNING_HOUR, minute: 0, second: 0 }, timeZone),
  });

  // Monday strictly after today: on a Monday, "next Monday" is a week away.
  const daysToMonday = (1 - today.weekday + 7) % 7 || 7;
  const monday = addDays(today, daysToMonday);
  presets.push({
    id: 'next_monday',
    until: wallTimeToDate({ ...monday, hour: MORNING_HOUR, minute: 0, second: 0 }, timeZone),
  });
  return presets;
}
