import { describe, expect, it } from 'vitest';
import { periodProblem } from './custom-period';
import { addDays, daysIn, isLocalDay, presetRange, todayIn } from './report-period';

describe('report periods', () => {
  it('ends every preset today, counting today', () => {
    const today = '2024-03-15';
    expect(presetRange('last7', today)).toEqual({ from: '2024-03-09', to: today });
    expect(daysIn(presetRange('last30', today))).toBe(30);
    expect(presetRange('last90', today)).toEqual({ from: '2023-12-17', to: today });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2024-03-01', to: today });
    // February of a leap year, and January across the year.
    expect(presetRange('lastMonth', today)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('lastMonth', '2025-01-31')).toEqual({
      from: '2024-12-01',
      to: '2024-12-31',
    });
  });

  it('moves by calendar days, unaffected by DST', () => {
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysIn({ from: '2025-03-29', to: '2025-03-31' })).toBe(3);
  });

  it('reads today on the given clock', () => {
    const instant = new Date('2025-01-01T02:30:00Z');
    expect(todayIn('Europe/Berlin', instant)).toBe('2025-01-01');
    expect(todayIn('America/New_York', instant)).toBe('2024-12-31');
  });

  it('accepts only real days', () => {
    expect(isLocalDay('2024-02-29')).toBe(true);
    expect(isLocalDay('2023-02-29')).toBe(false);
    expect(isLocalDay('2024-2-9')).toBe(false);
    expect(isLocalDay('')).toBe(false);
  });

  it('says why a custom period cannot be asked for', () => {
    expect(periodProblem({ from: '2025-01-01', to: '2025-01-31' })).toBeNull();
    expect(periodProblem({ from: '2025-01-01', to: '' })).toBe('incomplete');
    expect(periodProblem({ from: '2025-02-01', to: '2025-01-31' })).toBe('end_before_start');
    expect(periodProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull(); // 366 days
    expect(periodProblem({ from: '2015-01-01', to: '2025-01-01' })).toBe('too_long');
  });
});
