import { describe, expect, it } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { DEFAULT_FILTERS } from '../store/feed-filters';
import { matchesFilters } from './feed-ordering';
import { searchText, withTag } from './search-text';

const tag = (name: string) => ({ id: `t-${name}`, name, color: 'gray' as const });

describe('the feed filter by tags (live updates)', () => {
  const tagged = conversation({ tags: [tag('Оплата'), tag('دفع'), tag('Payment')] });

  it('keeps a conversation carrying every tag asked for, in any case and script', () => {
    const with_ = (tags: string[]) => matchesFilters(tagged, { ...DEFAULT_FILTERS, tags }, null);
    expect(with_(['оплата'])).toBe(true);
    expect(with_(['ОПЛАТА', 'دفع'])).toBe(true);
    expect(with_(['payment', 'دفع', 'Оплата'])).toBe(true);
    expect(with_(['оплата', 'refund'])).toBe(false);
    expect(with_([])).toBe(true);
  });

  it('drops a conversation whose tag was just removed', () => {
    const untagged = { ...tagged, tags: [tag('Payment')] };
    expect(matchesFilters(untagged, { ...DEFAULT_FILTERS, tags: ['оплата'] }, null)).toBe(false);
  });

  it('applies the search text as the server does, as far as a summary shows', () => {
    const c = conversation({ contact: { id: 'k', name: 'Ada Lovelace', handle: null } });
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, q: 'lovelace' }, null)).toBe(true);
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, q: 'babbage' }, null)).toBe(false);
    expect(matchesFilters(c, { ...DEFAULT_FILTERS, q: `#${c.number}` }, null)).toBe(true);
  });
});

describe('the search box text', () => {
  it('shows the tags first, then the text', () => {
    expect(searchText('late', ['оплата', 'دفع'])).toBe('#оплата #دفع late');
    expect(searchText(null, [])).toBe('');
  });

  it('adds a clicked tag once', () => {
    expect(withTag(['Оплата'], 'оплата')).toEqual(['Оплата']);
    expect(withTag(['Оплата'], 'دفع')).toEqual(['Оплата', 'دفع']);
  });
});
