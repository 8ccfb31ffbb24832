import { describe, expect, it } from 'vitest';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../../shared/time/zoned-time';
import { computeSnoozePresets } from './snooze-presets';

const byId = (now: Date, tz: string) =>
  Object.fromEntries(computeSnoozePresets(now, tz).map((p) => [p.id, p.until.toISOString()]));

describe('computeSnoozePresets', () => {
  it('computes presets on the wall clock of the operator timezone', () => {
    // Wed 2026-03-04 10:30 in Berlin (UTC+1)
    const presets = byId(new Date('2026-03-04T09:30:00Z'), 'Europe/Berlin');
    expect(presets).toEqual({
      in_one_hour: '2026-03-04T10:30:00.000Z',
      later_today: '2026-03-04T12:30:00.000Z',
      this_evening: '2026-03-04T17:00:00.000Z',
      tomorrow_morning: '2026-03-05T08:00:00.000Z',
      next_monday: '2026-03-09T08:00:00.000Z',
    });
  });

  it('uses the operator day, not the UTC day', () => {
    // 2026-03-04 23:30 UTC is already Thursday 08:30 in Tokyo.
    const presets = byId(new Date('2026-03-04T23:30:00Z'), 'Asia/Tokyo');
    expect(presets['tomorrow_morning']).toBe('2026-03-06T00:00:00.000Z'); // Fri 09:00 JST
    expect(presets['this_evening']).toBe('2026-03-05T09:00:00.000Z'); // Thu 18:00 JST
    expect(presets['next_monday']).toBe('2026-03-09T00:00:00.000Z');
  });

  it('drops "this evening" when it is less than 90 minutes away', () => {
    const presets = byId(new Date('2026-03-04T16:30:00Z'), 'Europe/Berlin'); // 17:30 local
    expect(presets['this_evening']).toBeUndefined();
  });

  it('offers the Monday a week ahead on a Monday', () => {
    const presets = byId(new Date('2026-03-09T07:00:00Z'), 'Europe/Berlin'); // Mon 08:00 local
    expect(presets['next_monday']).toBe('2026-03-16T08:00:00.000Z');
  });

  it('keeps 09:00 across a DST change', () => {
    // Sat 2026-03-28 in Berlin; DST starts Sun 2026-03-29, Monday is UTC+2.
    const presets = byId(new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin');
    expect(presets['tomorrow_morning']).toBe('2026-03-29T07:00:00.000Z');
    expect(presets['next_monday']).toBe('2026-03-30T07:00:00.000Z');
  });

  it('rolls over month and year ends', () => {
    const presets = byId(new Date('2026-12-31T20:00:00Z'), 'America/New_York'); // Thu 15:00 local
    expect(presets['tomorrow_morning']).toBe('2027-01-01T14:00:00.000Z');
    expect(presets['next_monday']).toBe('2027-01-04T14:00:00.000Z');
  });
});

describe('datetime-local values', () => {
  it('round-trips a custom time in the operator timezone', () => {
    const date = fromDateTimeLocalValue('2026-07-01T14:45', 'America/Los_Angeles');
    expect(date?.toISOString()).toBe('2026-07-01T21:45:00.000Z');
    expect(toDateTimeLocalValue(date as Date, 'America/Los_Angeles')).toBe('2026-07-01T14:45');
  });

  it('rejects malformed input', () => {
    expect(fromDateTimeLocalValue('tomorrow', 'UTC')).toBeNull();
    expect(fromDateTimeLocalValue('', 'UTC')).toBeNull();
  });
});
