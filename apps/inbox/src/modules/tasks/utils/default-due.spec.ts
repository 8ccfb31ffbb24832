import { describe, expect, it } from 'vitest';
import { defaultDueAt } from './default-due';

describe('defaultDueAt', () => {
  it('is an hour ahead, rounded up to the next quarter hour', () => {
    expect(defaultDueAt(new Date('2026-03-01T10:07:30Z')).toISOString()).toBe(
      '2026-03-01T11:15:00.000Z',
    );
    expect(defaultDueAt(new Date('2026-03-01T10:15:00Z')).toISOString()).toBe(
      '2026-03-01T11:15:00.000Z',
    );
    expect(defaultDueAt(new Date('2026-03-01T23:50:00Z')).toISOString()).toBe(
      '2026-03-02T01:00:00.000Z',
    );
  });
});
