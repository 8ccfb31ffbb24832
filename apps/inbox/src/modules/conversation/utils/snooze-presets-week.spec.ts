import { beforeAll, describe, expect, it } from 'vitest';
import { setTimeZone } from '../../../i18n/format';
import { setLocale } from '../../../i18n/i18n';
import { addDays, toWallTime, wallTimeToDate } from '../../../shared/time/zoned-time';
import { computeSnoozePresets } from './snooze-presets';
import { snoozePresetText } from './snooze-preset-text';

/**
 * Every weekday, at times of day from just after midnight to just before it, in zones east and
 * west of UTC and across a DST change: the presets must mean what they say.
 */
const ZONES = ['Asia/Riyadh', 'America/Los_Angeles', 'Pacific/Auckland', 'Europe/Berlin'];
const TIMES: [number, number][] = [
  [0, 5],
  [6, 30],
  [9, 0],
  [13, 0],
  [14, 50],
  [16, 20],
  [16, 45],
  [17, 30],
  [18, 0],
  [19, 10],
  [20, 50],
  [21, 30],
  [23, 45],
];
/** Mon 2026-03-23 … Sun 2026-03-29: Berlin springs forward that Sunday at 02:00. */
const WEEK = [23, 24, 25, 26, 27, 28, 29].map((day) => ({ year: 2026, month: 3, day }));
/** The week Berlin falls back (Sun 2026-10-25, 03:00 → 02:00). */
const AUTUMN = [19, 20, 21, 22, 23, 24, 25].map((day) => ({ year: 2026, month: 10, day }));

const cases = ZONES.flatMap((zone) =>
  [...WEEK, ...(zone === 'Europe/Berlin' ? AUTUMN : [])].flatMap((date) =>
    TIMES.map(([hour, minute]) => ({ zone, date, hour, minute })),
  ),
);

const MINUTE = 60_000;
const sameDate = (a: { year: number; month: number; day: number }, b: typeof a) =>
  a.year === b.year && a.month === b.month && a.day === b.day;

describe('snooze presets on every day of the week', () => {
  beforeAll(() => setLocale('en-GB'));

  it.each(cases)(
    '$zone $date.year-$date.month-$date.day $hour:$minute',
    ({ zone, date, hour, minute }) => {
      setTimeZone(zone);
      const now = wallTimeToDate({ ...date, hour, minute }, zone);
      const today = toWallTime(now, zone);
      const presets = computeSnoozePresets(now, zone);
      const byId = new Map(presets.map((p) => [p.id, p.until]));

      // Always in the future, in order, and at least half an hour apart.
      presets.forEach((preset, i) => {
        expect(preset.until.getTime()).toBeGreaterThan(now.getTime());
        const previous = presets[i - 1];
        if (previous)
          expect(preset.until.getTime() - previous.until.getTime()).toBeGreaterThanOrEqual(
            30 * MINUTE,
          );
      });

      // No two presets read alike, and none says the same as another.
      const texts = presets.map((p) => snoozePresetText(p, now));
      expect(new Set(texts.map((x) => x.label)).size).toBe(presets.length);
      expect(new Set(texts.map((x) => `${x.label} ${x.hint}`)).size).toBe(presets.length);
      expect(new Set(texts.map((x) => x.hint)).size).toBe(presets.length);

      expect(byId.get('in_one_hour')?.getTime()).toBe(now.getTime() + 60 * MINUTE);

      const later = byId.get('later_today');
      if (later) {
        // "Later today" never lands tomorrow.
        expect(sameDate(toWallTime(later, zone), today)).toBe(true);
        expect(later.getTime() - now.getTime()).toBeGreaterThanOrEqual(180 * MINUTE);
        expect(later.getTime() - now.getTime()).toBeLessThan(195 * MINUTE);
      } else {
        // Left out only when three hours (on a quarter hour) would be tomorrow, or "This evening"
        // already says it.
        const quarter = 15 * MINUTE;
        const threeHours = Math.ceil((now.getTime() + 180 * MINUTE) / quarter) * quarter;
        const lateInDay = !sameDate(toWallTime(new Date(threeHours), zone), today);
        expect(lateInDay || byId.has('this_evening')).toBe(true);
      }

      const evening = byId.get('this_evening');
      if (evening) {
        const wall = toWallTime(evening, zone);
        expect(sameDate(wall, today) && wall.hour === 18 && wall.minute === 0).toBe(true);
      }
      // "This evening" is not offered once the evening is near or has come.
      if (today.hour * 60 + today.minute > 16 * 60 + 30) expect(evening).toBeUndefined();
      if (today.hour < 16) expect(evening).toBeDefined();

      const tomorrow = toWallTime(byId.get('tomorrow_morning') as Date, zone);
      expect(sameDate(tomorrow, addDays(today, 1))).toBe(true);
      expect([tomorrow.hour, tomorrow.minute]).toEqual([9, 0]);
      expect(texts.find((_, i) => presets[i]?.id === 'tomorrow_morning')?.hint).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) 09:00$/,
      );

      const next = byId.get('next_monday');
      if (today.weekday === 0) {
        // On Sunday "Tomorrow" is Monday: one preset, not two that read alike.
        expect(next).toBeUndefined();
        expect(tomorrow.weekday).toBe(1);
      } else {
        const monday = toWallTime(next as Date, zone);
        expect(monday.weekday).toBe(1);
        expect([monday.hour, monday.minute]).toEqual([9, 0]);
        const days =
          (Date.UTC(monday.year, monday.month - 1, monday.day) -
            Date.UTC(today.year, today.month - 1, today.day)) /
          86_400_000;
        expect(days).toBe((8 - today.weekday) % 7 || 7);
        expect(days).toBeGreaterThan(1);
      }
    },
  );

  it('names the day: "Tomorrow" and "Next week" differ on a Saturday', () => {
    setTimeZone('Asia/Riyadh');
    const now = wallTimeToDate(
      { year: 2026, month: 3, day: 28, hour: 10, minute: 0 },
      'Asia/Riyadh',
    );
    const texts = computeSnoozePresets(now, 'Asia/Riyadh').map((p) => snoozePresetText(p, now));
    expect(texts.map((x) => `${x.label} · ${x.hint}`)).toEqual([
      'In 1 hour · Today 11:00',
      'Later today · Today 13:00',
      'This evening · Today 18:00',
      'Tomorrow · Sun 09:00',
      'Next week · Mon 30 Mar, 09:00',
    ]);
  });

  it('offers one Monday preset on a Sunday night in Auckland', () => {
    setTimeZone('Pacific/Auckland');
    // Sun 2026-03-29 22:00 NZDT (UTC+13)
    const now = new Date('2026-03-29T09:00:00Z');
    const texts = computeSnoozePresets(now, 'Pacific/Auckland').map((p) =>
      snoozePresetText(p, now),
    );
    expect(texts.map((x) => `${x.label} · ${x.hint}`)).toEqual([
      'In 1 hour · Today 23:00',
      'Tomorrow · Mon 09:00',
    ]);
  });

  it('computes in the operator zone, not the browser zone', () => {
    // The same instant: Friday evening in Los Angeles is already Saturday morning in Riyadh.
    const now = new Date('2026-03-28T03:00:00Z');
    const la = computeSnoozePresets(now, 'America/Los_Angeles');
    const riyadh = computeSnoozePresets(now, 'Asia/Riyadh');
    expect(la.find((p) => p.id === 'tomorrow_morning')?.until.toISOString()).toBe(
      '2026-03-28T16:00:00.000Z',
    );
    expect(riyadh.find((p) => p.id === 'tomorrow_morning')?.until.toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });
});
