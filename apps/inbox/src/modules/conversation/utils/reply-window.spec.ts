import { describe, expect, it } from 'vitest';
import {
  formatReplyWindowLeft,
  minutesLeft,
  msUntilNextChange,
  replyWindowAt,
} from './reply-window';

const H = 3_600_000;
const M = 60_000;
const NOW = Date.parse('2026-03-04T10:00:00.000Z');

describe('replyWindowAt', () => {
  it('is open until the closing instant, closed from it', () => {
    const closesAt = new Date(NOW + 23 * H).toISOString();
    expect(replyWindowAt(closesAt, NOW)).toEqual({
      state: 'open',
      closesAt: NOW + 23 * H,
      msLeft: 23 * H,
    });
    expect(replyWindowAt(closesAt, NOW + 23 * H)).toEqual({
      state: 'closed',
      closesAt: NOW + 23 * H,
    });
  });

  it('knows no window on channels without one, or for a timestamp it cannot read', () => {
    expect(replyWindowAt(null, NOW)).toEqual({ state: 'none' });
    expect(replyWindowAt(undefined, NOW)).toEqual({ state: 'none' });
    expect(replyWindowAt('soon', NOW)).toEqual({ state: 'none' });
  });
});

describe('formatReplyWindowLeft', () => {
  it('says hours and minutes, rounding the minute up', () => {
    expect(formatReplyWindowLeft(23 * H + 11 * M + 1)).toBe('Reply window: 23 h 12 min left');
    expect(formatReplyWindowLeft(23 * H + 12 * M)).toBe('Reply window: 23 h 12 min left');
  });

  it('says a full window is 24 h, not 23 h 59 min', () => {
    expect(formatReplyWindowLeft(24 * H - 5_000)).toBe('Reply window: 24 h left');
  });

  it('drops the hours in the last hour, and never says 0 min', () => {
    expect(formatReplyWindowLeft(59 * M)).toBe('Reply window: 59 min left');
    expect(formatReplyWindowLeft(30_000)).toBe('Reply window: 1 min left');
    expect(minutesLeft(-5)).toBe(0);
  });
});

describe('msUntilNextChange', () => {
  it('waits exactly until the shown minute changes', () => {
    // 23 h 12 min shown from 23:11:00.001 up to 23:12:00 left.
    expect(msUntilNextChange(23 * H + 12 * M)).toBe(M);
    expect(msUntilNextChange(23 * H + 11 * M + 1)).toBe(1);
    expect(msUntilNextChange(23 * H + 11 * M + 20_000)).toBe(20_000);
    expect(formatReplyWindowLeft(23 * H + 11 * M + 20_000 - 20_000)).toBe(
      'Reply window: 23 h 11 min left',
    );
  });

  it('needs no timer once closed', () => {
    expect(msUntilNextChange(0)).toBe(0);
  });
});
