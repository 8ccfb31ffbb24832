import type { BusinessHours } from './business-hours';
import { replyTimePhrase } from './reply-time';

// Berlin, open Monday to Friday 09:00–17:00; Thursday 2026-12-24 is a holiday.
const hours: BusinessHours = {
  timezone: 'Europe/Berlin',
  intervals: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
  holidays: ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
};

describe('replyTimePhrase', () => {
  it('says "in a few minutes" while open or without a schedule', () => {
    expect(replyTimePhrase(hours, new Date('2026-12-02T10:00:00Z'))).toBe('in a few minutes');
    expect(replyTimePhrase(null, new Date('2026-12-02T10:00:00Z'))).toBe('in a few minutes');
  });

  it('names the next opening in the schedule’s timezone, as close as it is', () => {
    // Wednesday 07:00 Berlin: later today.
    expect(replyTimePhrase(hours, new Date('2026-12-02T06:00:00Z'))).toBe('today at 09:00');
    // Wednesday 18:00 Berlin: tomorrow.
    expect(replyTimePhrase(hours, new Date('2026-12-02T17:00:00Z'))).toBe('tomorrow at 09:00');
    // Friday evening: Monday.
    expect(replyTimePhrase(hours, new Date('2026-12-04T17:00:00Z'))).toBe('on Monday at 09:00');
    // Wednesday 23 Dec evening, holidays until the new year: a date.
    expect(replyTimePhrase(hours, new Date('2026-12-23T17:00:00Z'))).toBe('on 1 Jan at 09:00');
  });

  it('has nothing to promise for a schedule that never opens', () => {
    expect(replyTimePhrase({ ...hours, intervals: [] }, new Date())).toBe('as soon as we can');
  });
});
