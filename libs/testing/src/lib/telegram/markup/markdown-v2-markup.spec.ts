import { parseMarkdownLegacy } from './markdown-legacy-markup';
import { parseMarkdownV2 } from './markdown-v2-markup';

describe('parseMarkdownV2', () => {
  it('reads every inline entity and unescapes characters', () => {
    expect(parseMarkdownV2('*b* _i_ __u__ ~s~ ||sp|| \\*not\\* 1\\.5\\!')).toEqual({
      text: 'b i u s sp *not* 1.5!',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'underline', offset: 4, length: 1 },
        { type: 'strikethrough', offset: 6, length: 1 },
        { type: 'spoiler', offset: 8, length: 2 },
      ],
    });
  });

  it('reads links with escaped URLs, custom emoji, code and pre with a language', () => {
    const parsed = parseMarkdownV2(
      '[a *b*](https://x.test/(1\\)) ![👍](tg://emoji?id=42) `c\\`d` ```python\nprint(1)```',
    );
    expect(parsed.text).toBe('a b 👍 c`d print(1)');
    expect(parsed.entities).toEqual([
      { type: 'text_link', offset: 0, length: 3, url: 'https://x.test/(1)' },
      { type: 'bold', offset: 2, length: 1 },
      { type: 'custom_emoji', offset: 4, length: 2, custom_emoji_id: '42' },
      { type: 'code', offset: 7, length: 3 },
      { type: 'pre', offset: 11, length: 8, language: 'python' },
    ]);
  });

  it('reads __ greedily as underline, separated from italic by an empty bold', () => {
    const parsed = parseMarkdownV2('___both_**__');
    expect(parsed.text).toBe('both');
    expect(parsed.entities).toHaveLength(2);
    expect(parsed.entities).toEqual(
      expect.arrayContaining([
        { type: 'underline', offset: 0, length: 4 },
        { type: 'italic', offset: 0, length: 4 },
      ]),
    );
  });

  it('reads quoted lines as one blockquote', () => {
    expect(parseMarkdownV2('>one\n>two\nafter')).toEqual({
      text: 'one\ntwo\nafter',
      entities: [{ type: 'blockquote', offset: 0, length: 7 }],
    });
  });

  it.each([
    ['Thanks.', "Character '.' is reserved and must be escaped with the preceding '\\'"],
    ['a-b', "Character '-' is reserved and must be escaped with the preceding '\\'"],
    ['x > y', "Character '>' is reserved and must be escaped with the preceding '\\'"],
    ['(a)', "Character '(' is reserved and must be escaped with the preceding '\\'"],
    ['é *b', "Can't find end of Bold entity at byte offset 3"],
    ['`code', "Can't find end of Code entity at byte offset 0"],
    ['[a](http://x', "Can't find end of a URL at byte offset 3"],
  ])('refuses %j', (text, message) => {
    expect(() => parseMarkdownV2(text)).toThrow(message);
  });

  it('scans long input in linear time', () => {
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    expect(parseMarkdownV2('*a* \\. '.repeat(40_000)).text.length).toBe(160_000);
    expect(() => parseMarkdownV2('_'.repeat(100_001))).toThrow("Can't find end");
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
  });
});

describe('parseMarkdownLegacy', () => {
  it('reads bold, italic, code, pre and links without nesting', () => {
    expect(parseMarkdownLegacy('*b* _i_ `c` ```p``` [t](https://x.test) \\*')).toEqual({
      text: 'b i c p t *',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'code', offset: 4, length: 1 },
        { type: 'pre', offset: 6, length: 1 },
        { type: 'text_link', offset: 8, length: 1, url: 'https://x.test' },
      ],
    });
  });

  it('refuses an entity that never ends', () => {
    expect(() => parseMarkdownLegacy('a *b')).toThrow(
      "Can't find end of the entity starting at byte offset 2",
    );
  });
});
