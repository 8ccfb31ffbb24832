import { MAX_SEARCH_WORDS, parseSearchQuery, searchWords } from './search';

const parsed = (input: string) => {
  const r = parseSearchQuery(input);
  if (!r.ok) throw new Error(r.reason);
  return r.query;
};

describe('parseSearchQuery', () => {
  it('takes words, "phrases", #numbers and #tags apart in any script', () => {
    expect(parsed('Счёт "за октябрь" #1042 #оплата ##vip поръчка')).toEqual({
      words: ['счёт', 'поръчка'],
      phrases: ['за октябрь'],
      terms: ['Счёт', 'за октябрь', 'поръчка'],
      numbers: [1042],
      tags: ['оплата', 'vip'],
    });
    expect(parsed('الطلب').words).toEqual(['الطلب']);
  });

  it('keeps only letters, marks and digits in words, and the typed chunk for names and phones', () => {
    expect(parsed('ivan.petrov@example')).toMatchObject({
      words: ['ivan', 'petrov', 'example'],
      terms: ['ivan.petrov@example'],
    });
    expect(parsed("a:* & b | !(c) <-> d' \\e")).toMatchObject({ words: ['a', 'b', 'c', 'd', 'e'] });
    expect(parsed('+1 (415) 555-0123').terms).toEqual(['+1', '(415)', '555-0123']);
    expect(parsed('!!! # "" ###').words).toEqual([]);
  });

  it('refuses unbalanced quotes and more words than one search holds', () => {
    expect(parseSearchQuery('"счёт')).toMatchObject({ ok: false });
    expect(parseSearchQuery('a "b" "c')).toMatchObject({ ok: false });
    const words = Array.from({ length: MAX_SEARCH_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchQuery(words)).toMatchObject({ ok: false });
    expect(parseSearchQuery('"a" "b" "c" "d"')).toMatchObject({ ok: false });
  });

  it('fuzzed: never throws, words never hold a tsquery operator, a quote count decides balance', () => {
    const alphabet = [
      ...`"'\\:*&|!()<>#@%_-. \t\n`,
      'я',
      'ل',
      'a',
      'Z',
      '7',
      '\u0301',
      '\u{1F600}',
      '\uD800',
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 5_000; i++) {
      let text = '';
      for (let j = 0, len = random(40); j < len; j++) text += alphabet[random(alphabet.length)];
      const r = parseSearchQuery(text);
      const quotes = [...text].filter((c) => c === '"').length;
      if (quotes % 2 === 1) {
        expect(r.ok).toBe(false);
        continue;
      }
      if (!r.ok) {
        expect(r.reason).toMatch(/^Too many/);
        continue;
      }
      for (const word of [...r.query.words, ...r.query.phrases.flatMap((p) => p.split(' '))])
        expect(word).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
    }
  });

  it('is linear: 10 000 characters of quotes and operators parse at once', () => {
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    parseSearchQuery('"a:*&|!'.repeat(1_500));
    parseSearchQuery('a'.repeat(10_000));
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(200);
  });
});

describe('searchWords', () => {
  it('splits on anything that is not a letter, mark or digit, in lower case and NFC', () => {
    expect(searchWords('Пе\u0438\u0306 100%-ный, OK!')).toEqual(['пей', '100', 'ный', 'ok']);
  });
});
