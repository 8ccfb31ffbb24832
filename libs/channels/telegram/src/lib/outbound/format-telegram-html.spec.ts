import fc from 'fast-check';
import { escapeTelegramHtml, formatTelegramHtml } from './format-telegram-html';

const ALLOWED_TAGS = new Set(['b', 'i', 'code', 'pre']);
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * What Telegram's HTML parser makes of our output: the visible text, or an error for anything it
 * would refuse (an unknown tag, an unbalanced one, a stray `<` or `&`, an entity inside code).
 */
function readTelegramHtml(html: string): string {
  const open: string[] = [];
  let visible = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end === -1) throw new Error(`unclosed tag at ${i}`);
      const raw = html.slice(i + 1, end);
      const closing = raw.startsWith('/');
      const name = closing ? raw.slice(1) : raw;
      if (!ALLOWED_TAGS.has(name)) throw new Error(`tag <${raw}> is not allowed`);
      if (closing) {
        if (open.pop() !== name) throw new Error(`</${name}> does not close the open tag`);
      } else {
        if (open.includes('code') || open.includes('pre'))
          throw new Error(`<${name}> inside code or pre`);
        if (name === 'pre' && open.length > 0) throw new Error('pre inside another tag');
        open.push(name);
      }
      i = end + 1;
    } else if (c === '&') {
      const entity = Object.keys(ENTITIES).find((e) => html.startsWith(e, i));
      if (!entity) throw new Error(`stray & at ${i}`);
      visible += ENTITIES[entity];
      i += entity.length;
    } else if (c === '>') {
      throw new Error(`stray > at ${i}`);
    } else {
      visible += c;
      i++;
    }
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join('>, <')}>`);
  return visible;
}

const html = (text: string) => formatTelegramHtml(text).html;

describe('formatTelegramHtml', () => {
  it('escapes what Telegram would read as markup', () => {
    expect(html('a <b> & c > d')).toBe('a &lt;b&gt; &amp; c &gt; d');
    expect(escapeTelegramHtml('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('converts bold, italic and code', () => {
    expect(html('**bold** and *it* and _it_ and `x < y`')).toBe(
      '<b>bold</b> and <i>it</i> and <i>it</i> and <code>x &lt; y</code>',
    );
    expect(html('**bold _and italic_**')).toBe('<b>bold <i>and italic</i></b>');
    expect(html('***both***')).toBe('<b><i>both</i></b>');
  });

  it('turns a fenced block into pre, dropping the language name', () => {
    expect(html('Try:\n```js\nif (a < b) { **x** }\n```\ndone')).toBe(
      'Try:\n<pre>if (a &lt; b) { **x** }</pre>done',
    );
  });

  it('leaves unbalanced and intraword markers literal', () => {
    expect(html('2 * 3 * 4')).toBe('2 * 3 * 4');
    expect(html('**not closed')).toBe('**not closed');
    expect(html('snake_case_name')).toBe('snake_case_name');
    expect(html('a `tick')).toBe('a `tick');
    expect(html('```\nunclosed fence')).toBe('```\nunclosed fence');
    expect(html('****')).toBe('****');
    expect(html('_ spaced _')).toBe('_ spaced _');
    expect(html('a*b and c*d, 2**10 or 3**4')).toBe('a*b and c*d, 2**10 or 3**4');
    expect(html('Use *, & and _ freely: a*b')).toBe('Use *, &amp; and _ freely: a*b');
  });

  it('never lets emphasis cross a paragraph', () => {
    expect(html('*one\n\ntwo*')).toBe('*one\n\ntwo*');
  });

  it('keeps overlapping markers nested', () => {
    const out = html('**a _b** c_');
    expect(() => readTelegramHtml(out)).not.toThrow();
    expect(readTelegramHtml(out)).toBe('a _b c_');
  });

  it('counts the visible length Telegram will see', () => {
    const result = formatTelegramHtml('**a** & <b>');
    expect(result.visibleLength).toBe(readTelegramHtml(result.html).length);
    expect(result.visibleLength).toBe('a & <b>'.length);
  });

  it('always produces valid Telegram HTML, never longer than the input (fuzz)', () => {
    const alphabet = fc.constantFrom(
      '*',
      '**',
      '_',
      '`',
      '```',
      '\n',
      '\n\n',
      ' ',
      '<',
      '>',
      '&',
      'a',
      'b',
      'é',
      '😀',
      '.',
      'x_y',
      '```js\n',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')),
          fc.string({ maxLength: 200 }),
        ),
        (input) => {
          const result = formatTelegramHtml(input);
          const visible = readTelegramHtml(result.html);
          expect(visible.length).toBe(result.visibleLength);
          expect(visible.length).toBeLessThanOrEqual(input.length);
          // Something visible stays visible: Telegram refuses a message that is only whitespace.
          if (input.trim().length > 0) expect(visible.trim().length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('stays linear on hostile input', () => {
    const nasty = '*_`'.repeat(30_000) + '```\n'.repeat(10_000);
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    formatTelegramHtml(nasty);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
  });
});
