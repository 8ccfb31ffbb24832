import { describe, expect, it } from 'vitest';
import { cleanHtml, isEmptyHtml, safeImageSrc, safeLinkUrl, textToHtml } from './clean-html';

describe('cleanHtml (paste and load)', () => {
  it('drops scripts, styles, frames, forms and handlers, keeping text', () => {
    const out = cleanHtml(
      '<p onclick="x()" style="color:red">Hi <b>there</b></p><script>alert(1)</script>' +
        '<style>p{}</style><iframe src="https://e"></iframe><form><input value="v">Form</form>' +
        '<span class="c">kept <i>text</i></span>',
    );
    expect(out).toBe('<p>Hi <strong>there</strong></p>kept <em>text</em>');
  });

  it('keeps safe links with rel forced and drops javascript: targets', () => {
    expect(cleanHtml('<a href="https://x.test/a" target="_blank">ok</a>')).toBe(
      '<a href="https://x.test/a" rel="noopener noreferrer nofollow">ok</a>',
    );
    expect(cleanHtml('<a href="javascript:alert(1)">bad</a>')).toBe('<a>bad</a>');
    expect(cleanHtml('<a href=" JaVaScRiPt:alert(1)">bad</a>')).toBe('<a>bad</a>');
  });

  it('keeps https and own images, drops others', () => {
    expect(cleanHtml('<img src="https://cdn.test/a.png" alt="A" onerror="x()">')).toBe(
      '<img src="https://cdn.test/a.png" alt="A">',
    );
    expect(cleanHtml('<img src="http://cdn.test/a.png"><img src="data:image/png;base64,AA">')).toBe(
      '',
    );
    expect(
      cleanHtml('<img src="/api/files/123e4567-e89b-12d3-a456-426614174000/a.png">'),
    ).toContain('/api/files/');
  });

  it('maps headings and blocks to the toolbar set', () => {
    expect(cleanHtml('<h1>A</h1><h5>B</h5><div>C</div><pre><code>x</code></pre>')).toBe(
      '<h2>A</h2><h4>B</h4><p>C</p><pre><code>x</code></pre>',
    );
  });
});

describe('editor helpers', () => {
  it('safeLinkUrl accepts http(s), mailto and bare domains only', () => {
    expect(safeLinkUrl('https://a.test')).toBe('https://a.test');
    expect(safeLinkUrl('mailto:help@a.test')).toBe('mailto:help@a.test');
    expect(safeLinkUrl('example.com/help')).toBe('https://example.com/help');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,x')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
  });

  it('safeImageSrc', () => {
    expect(safeImageSrc('https://a.test/x.png')).toBe('https://a.test/x.png');
    expect(safeImageSrc('//a.test/x.png')).toBeNull();
  });

  it('textToHtml escapes and splits paragraphs', () => {
    expect(textToHtml('a <b>\nline\n\nnext')).toBe('<p>a &lt;b&gt;<br>line</p><p>next</p>');
  });

  it('isEmptyHtml', () => {
    expect(isEmptyHtml('<p><br></p>')).toBe(true);
    expect(isEmptyHtml('<p>x</p>')).toBe(false);
    expect(isEmptyHtml('<img src="https://a.test/x.png">')).toBe(false);
  });
});
