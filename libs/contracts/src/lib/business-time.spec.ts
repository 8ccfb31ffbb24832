import type { BusinessHours } from './business-hours';
import {
  NEVER,
  addBusinessMinutes,
  businessMinutesBetween,
  isValidTimeZone,
  isWithinBusinessHours,
  nextOpening,
} from './business-time';

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));
const berlin: BusinessHours = {
  timezone: 'Europe/Berlin',
  intervals: weekdays('09:00', '17:00'),
  holidays: [],
};
const at = (iso: string) => new Date(iso);

describe('isWithinBusinessHours / nextOpening', () => {
  it('treats no schedule as always open', () => {
    expect(isWithinBusinessHours(null, at('2024-01-06T03:00:00Z'))).toBe(true);
    expect(nextOpening(null, at('2024-01-06T03:00:00Z'))).toEqual(at('2024-01-06T03:00:00Z'));
  });

  it('reads the schedule in its own timezone, across a DST change', () => {
    // Winter: 09:00 Berlin = 08:00Z; summer: 07:00Z.
    expect(isWithinBusinessHours(berlin, at('2024-01-08T07:59:59Z'))).toBe(false);
    expect(isWithinBusinessHours(berlin, at('2024-01-08T08:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(berlin, at('2024-04-02T07:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(berlin, at('2024-04-02T15:00:00Z'))).toBe(false);
    // Friday evening -> Monday 09:00 local, and Monday 2024-04-01 is after the switch (Sun 31 March).
    expect(nextOpening(berlin, at('2024-03-29T16:30:00Z'))).toEqual(at('2024-04-01T07:00:00Z'));
    expect(nextOpening(berlin, at('2024-01-08T10:00:00Z'))).toEqual(at('2024-01-08T10:00:00Z'));
  });

  it('closes on holidays (whole local days)', () => {
    const h: BusinessHours = { ...berlin, holidays: ['2024-12-25', '2024-12-26'] };
    expect(isWithinBusinessHours(h, at('2024-12-25T10:00:00Z'))).toBe(false);
    expect(nextOpening(h, at('2024-12-24T17:00:00Z'))).toEqual(at('2024-12-27T08:00:00Z'));
  });

  it('never loops on a schedule with no open time', () => {
    const closed: BusinessHours = { timezone: 'UTC', intervals: [], holidays: [] };
    expect(nextOpening(closed, at('2024-01-01T00:00:00Z'))).toBeNull();
    expect(addBusinessMinutes(closed, at('2024-01-01T00:00:00Z'), 60)).toBe(NEVER);
    expect(
      businessMinutesBetween(closed, at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z')),
    ).toBe(0);
    // Open only on a day that is always a holiday within the horizon: still terminates.
    const holidays = Array.from({ length: 366 }, (_, i) =>
      new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const blocked: BusinessHours = {
      timezone: 'UTC',
      intervals: [{ day: 1, from: '09:00', to: '10:00' }],
      holidays,
    };
    expect(nextOpening(blocked, at('2024-01-01T00:00:00Z'))).toEqual(at('2025-01-06T09:00:00Z'));
  });

  it('validates timezones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('addBusinessMinutes / businessMinutesBetween', () => {
  it('is plain minutes without a schedule', () => {
    expect(addBusinessMinutes(null, at('2024-01-01T00:00:00Z'), 90)).toEqual(
      at('2024-01-01T01:30:00Z'),
    );
    expect(
      businessMinutesBetween(null, at('2024-01-01T00:00:00Z'), at('2024-01-01T01:30:00Z')),
    ).toBe(90);
  });

  it('skips nights and weekends', () => {
    // Friday 16:00 Berlin (15:00Z) + 120 open minutes = Monday 10:00 Berlin.
    expect(addBusinessMinutes(berlin, at('2024-01-12T15:00:00Z'), 120)).toEqual(
      at('2024-01-15T09:00:00Z'),
    );
    expect(
      businessMinutesBetween(berlin, at('2024-01-12T15:00:00Z'), at('2024-01-15T09:00:00Z')),
    ).toBe(120);
    expect(
      businessMinutesBetween(berlin, at('2024-01-15T09:00:00Z'), at('2024-01-12T15:00:00Z')),
    ).toBe(-120);
  });

  it('counts the real length of a DST change day in Europe/Berlin', () => {
    const always: BusinessHours = {
      timezone: 'Europe/Berlin',
      intervals: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '00:00', to: '24:00' })),
      holidays: [],
    };
    // Sunday 31 March 2024 has 23 hours; Sunday 27 October 2024 has 25.
    expect(
      businessMinutesBetween(always, at('2024-03-30T23:00:00Z'), at('2024-03-31T22:00:00Z')),
    ).toBe(23 * 60);
    expect(
      businessMinutesBetween(always, at('2024-10-26T22:00:00Z'), at('2024-10-27T23:00:00Z')),
    ).toBe(25 * 60);
    // 01:00-04:00 local on the spring day: 02:00-03:00 does not exist, so only two hours are open.
    const night: BusinessHours = {
      timezone: 'Europe/Berlin',
      intervals: [{ day: 0, from: '01:00', to: '04:00' }],
      holidays: [],
    };
    expect(
      businessMinutesBetween(night, at('2024-03-30T12:00:00Z'), at('2024-03-31T12:00:00Z')),
    ).toBe(120);
    expect(addBusinessMinutes(night, at('2024-03-30T12:00:00Z'), 90)).toEqual(
      at('2024-03-31T01:30:00Z'),
    );
  });

  it('joins overnight shifts written as two adjacent intervals', () => {
    const overnight: BusinessHours = {
      timezone: 'America/New_York',
      intervals: [
        { day: 1, from: '22:00', to: '24:00' },
        { day: 2, from: '00:00', to: '06:00' },
      ],
      holidays: [],
    };
    // Monday 23:00 New York (EST, -5) = Tuesday 04:00Z; +240 open minutes = Tuesday 03:00 local.
    expect(addBusinessMinutes(overnight, at('2024-01-16T04:00:00Z'), 240)).toEqual(
      at('2024-01-16T08:00:00Z'),
    );
    expect(isWithinBusinessHours(overnight, at('2024-01-16T10:59:00Z'))).toBe(true);
    expect(isWithinBusinessHours(overnight, at('2024-01-16T11:00:00Z'))).toBe(false);
  });

  it('round-trips: minutes between from and from + m is m (fuzz)', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
    for (let n = 0; n < 150; n++) {
      const intervals = [];
      for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) {
        const a = Math.floor(rand() * 96) * 15;
        const b = Math.min(1440, a + 15 + Math.floor(rand() * 48) * 15);
        const clock = (m: number) =>
          `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        intervals.push({ day: Math.floor(rand() * 7), from: clock(a), to: clock(b) });
      }
      const hours: BusinessHours = {
        timezone: zones[n % zones.length],
        intervals,
        holidays: rand() < 0.5 ? ['2024-03-31', '2024-10-27', '2024-04-07'] : [],
      };
      const from = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 366 * 86_400) * 1000);
      const minutes = 1 + Math.floor(rand() * 5000);
      const due = addBusinessMinutes(hours, from, minutes);
      expect(due.getTime()).toBeGreaterThan(from.getTime());
      expect(businessMinutesBetween(hours, from, due)).toBe(minutes);
      expect(isWithinBusinessHours(hours, new Date(due.getTime() - 1))).toBe(true);
    }
  });
});
