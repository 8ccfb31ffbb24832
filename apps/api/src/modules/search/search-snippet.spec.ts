import { searchSnippet, SNIPPET_LENGTH, wordMatches } from './search-snippet';

const marked = (text: string, words: string[]) =>
  searchSnippet(text, words)
    .filter((s) => s.highlight)
    .map((s) => s.text);

describe('the highlight rule', () => {
  it('marks the searched word and its inflections by a shared prefix of max(3, length − 2)', () => {
    expect(wordMatches('счета', ['счёт'])).toBe(true);
    expect(wordMatches('Счёт', ['счета'])).toBe(true);
    expect(wordMatches('поръчката', ['поръчка'])).toBe(true);
    expect(wordMatches('refunded', ['refunds'])).toBe(true);
    expect(wordMatches('الطلب', ['طلب'])).toBe(true);
    expect(wordMatches('pay', ['payment'])).toBe(false);
    expect(wordMatches('счастье', ['счёт'])).toBe(false);
    // One or two letters mark only themselves.
    expect(wordMatches('за', ['за'])).toBe(true);
    expect(wordMatches('зал', ['за'])).toBe(false);
  });

  it('returns plain segments, never HTML, with the matching words marked', () => {
    expect(searchSnippet('<b>Счёт</b> и счета', ['счёт'])).toEqual([
      { text: '<b>', highlight: false },
      { text: 'Счёт', highlight: true },
      { text: '</b> и ', highlight: false },
      { text: 'счета', highlight: true },
    ]);
  });

  it('cuts a long message around the first match, whole words only marked', () => {
    const text = `${'word '.repeat(100)}the refund came ${'tail '.repeat(100)}`;
    const snippet = searchSnippet(text, ['refund']);
    const joined = snippet.map((s) => s.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(marked(text, ['refund'])).toEqual(['refund']);
  });

  it('is linear on 10 000 characters', () => {
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    searchSnippet('ab '.repeat(3_400), ['abc', 'ab', 'a']);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(200);
  });
});
