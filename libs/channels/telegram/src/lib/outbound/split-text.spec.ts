import fc from 'fast-check';
import { formatTelegramHtml } from './format-telegram-html';
import { splitText, TELEGRAM_MAX_TEXT, type TextPart } from './split-text';

/** Parts in order, each the input's own slice, with only whitespace between and around them. */
function expectFaithful(input: string, parts: TextPart[], limit: number): void {
  let position = 0;
  for (const part of parts) {
    expect(part.start).toBeGreaterThanOrEqual(position);
    expect(input.slice(position, part.start).trim()).toBe('');
    expect(input.slice(part.start, part.end)).toBe(part.text);
    expect(part.text.length).toBeLessThanOrEqual(limit);
    expect(part.text.trim().length).toBeGreaterThan(0);
    // Never between the halves of a surrogate pair.
    for (const at of [part.start, part.end]) {
      const before = input.charCodeAt(at - 1);
      const after = input.charCodeAt(at);
      expect(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff).toBe(
        false,
      );
    }
    position = part.end;
  }
  expect(input.slice(position).trim()).toBe('');
}

const sentence = (n: number) => `Sentence number ${n} is here. `;

describe('splitText', () => {
  it('leaves a short text whole', () => {
    expect(splitText('hello').map((p) => p.text)).toEqual(['hello']);
    expect(splitText('   ')).toEqual([]);
  });

  it('splits 6,000 characters into two parts at a paragraph break', () => {
    const first = 'a'.repeat(2999);
    const second = 'b'.repeat(2999);
    const parts = splitText(`${first}\n\n${second}`);
    expect(parts.map((p) => p.text)).toEqual([first, second]);
  });

  it('prefers a line break, then a sentence end, then a space', () => {
    const lines = `${'x'.repeat(3000)}\n${'y'.repeat(3000)}`;
    expect(splitText(lines).map((p) => p.text.length)).toEqual([3000, 3000]);

    let prose = '';
    for (let n = 0; prose.length < 6000; n++) prose += sentence(n);
    const parts = splitText(prose);
    expect(parts).toHaveLength(2);
    expect(parts[0].text.endsWith('.')).toBe(true);
    expect(parts[0].text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);

    const words = 'word '.repeat(1200);
    const byWord = splitText(words);
    expect(byWord[0].text.endsWith('word')).toBe(true);
  });

  it('cuts after an ideographic full stop', () => {
    const text = `${'字'.repeat(3000)}。${'字'.repeat(3000)}`;
    const parts = splitText(text);
    expect(parts[0].text).toBe(`${'字'.repeat(3000)}。`);
    expect(parts[1].text).toBe('字'.repeat(3000));
  });

  it('never cuts a surrogate pair when it must cut hard', () => {
    const text = `a${'😀'.repeat(3000)}`;
    const parts = splitText(text);
    expectFaithful(text, parts, TELEGRAM_MAX_TEXT);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('keeps each part within the limit once formatted', () => {
    const text = `**${'bold '.repeat(1000)}**\n\n${'_it_ '.repeat(1000)}`;
    for (const part of splitText(text))
      expect(formatTelegramHtml(part.text).visibleLength).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
  });

  it('is faithful to the input for any text (fuzz)', () => {
    const piece = fc.constantFrom(
      'a',
      'bc',
      ' ',
      '\n',
      '\n\n',
      '. ',
      '! ',
      '。',
      '😀',
      '\t',
      'word ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 120 }).map((p) => p.join('')),
        fc.integer({ min: 2, max: 40 }),
        (input, limit) => expectFaithful(input, splitText(input, limit), limit),
      ),
      { numRuns: 3000 },
    );
  });
});
