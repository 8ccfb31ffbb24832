import { describe, expect, it } from 'vitest';
import { formatSpan, slaCountdownAt } from './sla-countdown';

const due = Date.parse('2026-03-04T10:00:00.000Z');
const sla = {
  target: 'first_response' as const,
  dueAt: '2026-03-04T10:00:00.000Z',
  state: 'running' as const,
};

describe('slaCountdownAt', () => {
  it('counts whole seconds up to the due instant and turns overdue exactly at it', () => {
    expect(slaCountdownAt(sla, due - 1_500)).toEqual({
      state: 'running',
      text: 'Reply in 2s',
      msUntilChange: 500,
    });
    const last = slaCountdownAt(sla, due - 1);
    expect(last.text).toBe('Reply in 1s');
    expect(last.msUntilChange).toBe(1);
    expect(slaCountdownAt(sla, due)).toMatchObject({ state: 'breached', text: 'Overdue 0s' });
    expect(slaCountdownAt(sla, due + 185_000)).toMatchObject({
      text: 'Overdue 3m',
      msUntilChange: 1000,
    });
  });

  it('says resolve for resolution, shows warnings, and stands still when paused', () => {
    expect(
      slaCountdownAt({ ...sla, target: 'resolution', state: 'warning' }, due - 90_000),
    ).toMatchObject({
      state: 'warning',
      text: 'Resolve in 1m',
    });
    expect(slaCountdownAt({ ...sla, paused: true }, due + 5_000)).toEqual({
      state: 'paused',
      text: 'SLA paused',
      msUntilChange: null,
    });
  });

  it('formats spans coarsely far away', () => {
    expect(formatSpan(59_999)).toBe('59s');
    expect(formatSpan(3 * 3_600_000 + 5 * 60_000)).toBe('3h 5m');
    expect(formatSpan(2 * 86_400_000)).toBe('2d');
  });
});
