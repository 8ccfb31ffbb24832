import { describe, expect, it } from 'vitest';
import {
  conversationNumberOf,
  foldText,
  fuzzyScore,
  MAX_QUERY_LENGTH,
  rankItems,
  scoreItem,
} from './fuzzy-match';

const labels = (query: string, items: string[]) =>
  rankItems(
    query,
    items.map((label) => ({ label })),
  ).map((i) => i.label);

describe('fuzzyScore', () => {
  it('fits every text for an empty query', () => {
    expect(fuzzyScore('', 'Close')).toBe(0);
    expect(fuzzyScore('   ', 'Close')).toBe(0);
  });

  it('ranks exact, prefix, word start, substring, scattered in that order', () => {
    const exact = fuzzyScore('close', 'Close') ?? 0;
    const prefix = fuzzyScore('clo', 'Close') ?? 0;
    const wordStart = fuzzyScore('clo', 'Snooze and close') ?? 0;
    const inside = fuzzyScore('los', 'Close') ?? 0;
    const scattered = fuzzyScore('cls', 'Close') ?? 0;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(wordStart);
    expect(wordStart).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(scattered);
    expect(scattered).toBeGreaterThan(0);
  });

  it('needs every typed word, in any order', () => {
    expect(fuzzyScore('tag vip', 'Add tag vip')).not.toBeNull();
    expect(fuzzyScore('vip tag', 'Add tag vip')).not.toBeNull();
    expect(fuzzyScore('tag gold', 'Add tag vip')).toBeNull();
  });

  it('refuses letters that are missing or out of order', () => {
    expect(fuzzyScore('xyz', 'Close')).toBeNull();
    expect(fuzzyScore('esolc', 'Close')).toBeNull();
  });

  it('ignores case and accents, in any script', () => {
    expect(fuzzyScore('zoe', 'Zoë Ødegaard')).not.toBeNull();
    expect(fuzzyScore('ÉLISE', 'elise martin')).not.toBeNull();
    expect(fuzzyScore('иван', 'Иван Петров')).not.toBeNull();
    expect(fuzzyScore('محمد', 'محمد العلي')).not.toBeNull();
    expect(foldText('Crème Brûlée')).toBe('creme brulee');
  });

  it('treats regular-expression characters as plain text', () => {
    expect(fuzzyScore('(a+)+$', 'Close')).toBeNull();
    expect(fuzzyScore('a.b', 'a.b tag')).not.toBeNull();
    expect(fuzzyScore('[', 'x')).toBeNull();
  });

  it('stays linear on hostile input', () => {
    const text = 'a'.repeat(50_000);
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    expect(fuzzyScore('a'.repeat(60) + 'b', text)).toBeNull();
    expect(fuzzyScore('a '.repeat(5_000), text)).not.toBeNull();
    // Only MAX_QUERY_LENGTH characters are read: a huge paste is cut, not searched.
    expect(fuzzyScore('a'.repeat(5_000) + 'b', 'a'.repeat(200))).not.toBeNull();
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2_000);
    expect(MAX_QUERY_LENGTH).toBeLessThanOrEqual(200);
  });
});

describe('rankItems', () => {
  it('puts the best fit first and drops what does not fit', () => {
    expect(labels('as', ['Close', 'Unassign', 'Snooze', 'Tag as spam', 'Assign to me'])).toEqual([
      'Assign to me',
      'Tag as spam',
      'Unassign',
    ]);
  });

  it('keeps the natural order for an empty query and for ties', () => {
    expect(labels('', ['Close', 'Snooze', 'Assign'])).toEqual(['Close', 'Snooze', 'Assign']);
  });

  it('finds items by their keywords, below a label match', () => {
    const items = [
      { label: 'Close', keywords: 'done resolve e' },
      { label: 'Done list', keywords: '' },
    ];
    expect(rankItems('done', items).map((i) => i.label)).toEqual(['Done list', 'Close']);
    expect(scoreItem('resolve', items[0] as (typeof items)[number])).not.toBeNull();
  });
});

describe('conversationNumberOf', () => {
  it('reads #123 and 123', () => {
    expect(conversationNumberOf('#123')).toBe(123);
    expect(conversationNumberOf(' 42 ')).toBe(42);
  });

  it('refuses anything else', () => {
    for (const text of ['', '#', '#12a', 'a12', '12 3', '#0', '1234567890', '-5', '1e3'])
      expect(conversationNumberOf(text)).toBeNull();
  });
});
