import { parseHtml } from './html-markup';

describe('parseHtml (parse_mode HTML)', () => {
  it('turns tags into entities with UTF-16 offsets, outer entity first', () => {
    expect(parseHtml('😀 <b>bold <i>both</i></b> <U>under</U> <tg-spoiler>s</tg-spoiler>')).toEqual(
      {
        text: '😀 bold both under s',
        entities: [
          { type: 'bold', offset: 3, length: 9 },
          { type: 'italic', offset: 8, length: 4 },
          { type: 'underline', offset: 13, length: 5 },
          { type: 'spoiler', offset: 19, length: 1 },
        ],
      },
    );
  });

  it('decodes the four named entities and numeric ones, also inside attributes', () => {
    expect(
      parseHtml(
        '&lt;&gt;&amp;&quot; &#128512;&#x1F600; <a href=\'https://x.test/?a=1&amp;b="2"\'>l</a>',
      ),
    ).toEqual({
      text: '<>&" 😀😀 l',
      entities: [{ type: 'text_link', offset: 10, length: 1, url: 'https://x.test/?a=1&b="2"' }],
    });
  });

  it('reads pre with a language, code, spoiler spans, blockquotes and custom emoji', () => {
    const html =
      '<pre><code class="language-ts">let a = 1;</code></pre><code>x</code>' +
      '<span class="tg-spoiler">s</span><blockquote expandable>q</blockquote>' +
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>';
    expect(parseHtml(html).entities).toEqual([
      { type: 'pre', offset: 0, length: 10, language: 'ts' },
      { type: 'code', offset: 10, length: 1 },
      { type: 'spoiler', offset: 11, length: 1 },
      { type: 'expandable_blockquote', offset: 12, length: 1 },
      { type: 'custom_emoji', offset: 13, length: 2, custom_emoji_id: '5368324170671202286' },
    ]);
  });

  it('keeps a bare > and drops empty entities', () => {
    expect(parseHtml('2 > 1<b></b>')).toEqual({ text: '2 > 1', entities: [] });
  });

  it.each([
    ['a < b', 'Unsupported start tag "" at byte offset 2'],
    ['<br>', 'Unsupported start tag "br" at byte offset 0'],
    ['é<b>x</i>', 'End tag "i" at byte offset 6 doesn\'t match start tag "b"'],
    ['x</b>', 'Unexpected end tag at byte offset 1'],
    ['<b>x', 'Can\'t find end tag corresponding to start tag "b"'],
    ['<b x', 'Unclosed start tag at byte offset 0'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    [
      'Tom & Jerry',
      "Character '&' at byte offset 4 is not a valid HTML entity; escape it as &amp;",
    ],
    ['&nbsp;', "Character '&' at byte offset 0 is not a valid HTML entity; escape it as &amp;"],
    ['&#0;', "Character '&' at byte offset 0 is not a valid HTML entity; escape it as &amp;"],
  ])('refuses %j', (html, message) => {
    expect(() => parseHtml(html)).toThrow(message);
  });

  it('scans long input in linear time', () => {
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    const parsed = parseHtml('<b>x</b>&amp;'.repeat(50_000));
    expect(parsed.text).toHaveLength(100_000);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
  });
});
