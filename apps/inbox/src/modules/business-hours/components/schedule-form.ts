import type { BusinessHours } from '@switchboard/contracts';

/** One row of the editor per weekday (Monday first): open or not, from, to. */
export interface DayRow {
  day: number;
  open: boolean;
  from: string;
  to: string;
}

export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** The editor's rows for a schedule (the first interval of each day; none: closed 09:00–17:00). */
export function rowsOf(hours: BusinessHours | null): DayRow[] {
  return WEEK_ORDER.map((day) => {
    const i = hours?.intervals.find((x) => x.day === day);
    return i
      ? { day, open: true, from: i.from, to: i.to }
      : { day, open: !hours && day >= 1 && day <= 5, from: '09:00', to: '17:00' };
  });
}

/** The schedule the editor describes; holidays one a line, blank lines ignored. */
export function scheduleOf(timezone: string, rows: DayRow[], holidays: string): BusinessHours {
  return {
    timezone,
    intervals: rows.filter((r) => r.open).map((r) => ({ day: r.day, from: r.from, to: r.to })),
    holidays: holidays
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** The timezones this browser knows, with the chosen one first if it does not know it. */
export function timezoneOptions(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const known = intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
  return known.includes(current) ? known : [current, ...known];
}
