import { describe, expect, it } from 'vitest';
import {
  formatBucketStart,
  formatCount,
  formatDuration,
  formatNps,
  formatRating,
  formatShare,
  formatWaitSince,
} from './report-format';

describe('report formatting', () => {
  it('writes durations with two units, the smaller zero-padded', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45.4)).toBe('45s');
    expect(formatDuration(59.6)).toBe('1m 00s');
    expect(formatDuration(252)).toBe('4m 12s');
    expect(formatDuration(3599)).toBe('59m 59s');
    expect(formatDuration(3600)).toBe('1h 00m');
    expect(formatDuration(2 * 3600 + 5 * 60 + 59)).toBe('2h 05m');
    expect(formatDuration(86_399)).toBe('23h 59m');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 120)).toBe('3d 04h');
  });

  it('shows a dash where nothing was measured', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatShare(null)).toBe('—');
    expect(formatRating(null)).toBe('—');
    expect(formatNps(null)).toBe('—');
  });

  it('formats counts, shares, ratings and NPS', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatShare(0.935)).toBe('93.5%');
    expect(formatShare(1)).toBe('100%');
    expect(formatRating(4.5)).toBe('4.50');
    expect(formatNps(40)).toBe('+40');
    expect(formatNps(-12.4)).toBe('-12');
    expect(formatNps(0)).toBe('0');
  });

  it('says how long something has been waiting', () => {
    const now = Date.parse('2025-03-10T12:00:00Z');
    expect(formatWaitSince('2025-03-10T09:55:00Z', now)).toBe('2h 05m');
    expect(formatWaitSince('2025-03-10T12:00:05Z', now)).toBe('0s');
  });
});

describe('bucket labels', () => {
  it('names a day, a week by its Monday and a month, without a timezone shift', () => {
    expect(formatBucketStart('2025-03-30', 'day')).toBe('Mar 30, 2025');
    expect(formatBucketStart('2025-03-24', 'week')).toBe('Week of Mar 24, 2025');
    expect(formatBucketStart('2025-03-01', 'month')).toBe('March 2025');
    expect(formatBucketStart('not a day', 'day')).toBe('not a day');
  });
});
