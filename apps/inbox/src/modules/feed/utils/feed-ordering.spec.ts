import type { ConversationSummaryDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { DEFAULT_FILTERS } from '../store/feed-filters';
import { matchesFilters, placeInOrder, sortIds } from './feed-ordering';

describe('placeInOrder', () => {
  it('keeps 10 000 rows ordered under live updates', () => {
    const byId: Record<string, ConversationSummaryDto> = {};
    for (let i = 0; i < 10_000; i++) {
      const c = conversation({
        lastActivityAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      });
      byId[c.id] = c;
    }
    let order = sortIds(byId);
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    for (let i = 0; i < 200; i++) {
      const id = order[order.length - 1 - i] as string;
      const moved = {
        ...(byId[id] as ConversationSummaryDto),
        lastActivityAt: new Date(Date.UTC(2027, 0, 1) + i * 1000).toISOString(),
      };
      byId[id] = moved;
      order = placeInOrder(order, byId, moved);
      expect(order[0]).toBe(id);
    }
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
    expect(order).toEqual(sortIds(byId));
    expect(new Set(order).size).toBe(10_000);
  });

  it('breaks ties by id so equal timestamps have one stable order', () => {
    const a = conversation({ id: 'a', lastActivityAt: '2026-01-01T00:00:00.000Z' });
    const b = conversation({ id: 'b', lastActivityAt: '2026-01-01T00:00:00.000Z' });
    const byId = { a, b };
    expect(placeInOrder(['a'], byId, b)).toEqual(['b', 'a']);
    expect(placeInOrder(['b'], byId, a)).toEqual(['b', 'a']);
  });
});

describe('matchesFilters: automated mail', () => {
  const human = conversation({ id: 'h' });
  const robot = conversation({ id: 'r', automated: true });

  it('hides or keeps only conversations whose newest customer mail is automated', () => {
    const hide = { ...DEFAULT_FILTERS, automated: 'hide' as const };
    const only = { ...DEFAULT_FILTERS, automated: 'only' as const };
    expect([human, robot].filter((c) => matchesFilters(c, hide, null)).map((c) => c.id)).toEqual([
      'h',
    ]);
    expect([human, robot].filter((c) => matchesFilters(c, only, null)).map((c) => c.id)).toEqual([
      'r',
    ]);
    expect([human, robot].every((c) => matchesFilters(c, DEFAULT_FILTERS, null))).toBe(true);
  });
});
