import { describe, expect, it } from 'vitest';
import type { AnyCatalog } from './catalog';
import { ar } from './ar';
import { bg } from './bg';
import { en } from './en';
import { ru } from './ru';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const english: AnyCatalog = en;
const pluralKeys = new Set(
  Object.keys(en)
    .filter((k) => k.endsWith('_other'))
    .map((k) => k.slice(0, -'_other'.length)),
);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** The English template a translated key stands for (plural forms all answer to `_other`). */
function englishFor(key: string): string | undefined {
  const base = key.replace(PLURAL_SUFFIX, '');
  return pluralKeys.has(base) ? english[`${base}_other`] : english[key];
}

describe.each([
  ['ru', ru as AnyCatalog],
  ['bg', bg as AnyCatalog],
  ['ar', ar as AnyCatalog],
])('the %s catalog', (language, catalog) => {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has every English key, in exactly the plural forms its language uses, and nothing else', () => {
    const expected = new Set<string>();
    for (const key of Object.keys(en)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      if (pluralKeys.has(base)) for (const c of categories) expected.add(`${base}_${c}`);
      else expected.add(key);
    }
    const actual = new Set(Object.keys(catalog));
    expect([...expected].filter((k) => !actual.has(k))).toEqual([]);
    expect([...actual].filter((k) => !expected.has(k))).toEqual([]);
  });

  it('keeps every placeholder of the English text and invents none', () => {
    const wrong = Object.entries(catalog).filter(([key, text]) => {
      const source = englishFor(key);
      if (source === undefined || text === undefined) return true;
      const want = placeholders(source).filter((p) => p !== 'count');
      const got = placeholders(text).filter((p) => p !== 'count');
      return JSON.stringify(want) !== JSON.stringify(got);
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('translates: no empty texts, and little left in English', () => {
    const entries = Object.entries(catalog);
    expect(entries.filter(([, text]) => !text?.trim()).map(([k]) => k)).toEqual([]);
    // Brand names, units and codes may stay as they are; whole sentences may not.
    const untouched = entries.filter(
      ([key, text]) => text === englishFor(key) && /[a-z]{3,} [a-z]{3,}/i.test(text ?? ''),
    );
    expect(untouched.map(([k]) => k)).toEqual([]);
  });
});
