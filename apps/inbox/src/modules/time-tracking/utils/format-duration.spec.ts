import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('shows seconds under a minute, minutes under an hour, then hours and minutes', () => {
    expect([0, 45, 60, 719, 3600, 3_900, 90_000, -600].map(formatDuration)).toEqual([
      '0s',
      '45s',
      '1m',
      '11m',
      '1h 00m',
      '1h 05m',
      '25h 00m',
      '-10m',
    ]);
  });
});
