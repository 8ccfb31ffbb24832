import { describe, expect, it } from 'vitest';
import { waitTime } from './wait-time';

describe('waitTime', () => {
  const start = new Date('2030-01-01T10:00:00Z');
  const after = (s: number) => new Date(start.getTime() + s * 1000);

  it('counts seconds, then minutes, then hours and minutes', () => {
    expect(waitTime(start, after(0))).toBe('0 s');
    expect(waitTime(start, after(59))).toBe('59 s');
    expect(waitTime(start, after(60))).toBe('1 min');
    expect(waitTime(start, after(3599))).toBe('59 min');
    expect(waitTime(start, after(3600))).toBe('1 h');
    expect(waitTime(start, after(7800))).toBe('2 h 10 min');
  });

  it('never shows a negative wait (clocks slightly apart)', () => {
    expect(waitTime(after(5), start)).toBe('0 s');
  });
});
