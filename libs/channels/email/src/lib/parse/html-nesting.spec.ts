import { exceedsHtmlDepth, MAX_HTML_DEPTH } from './html-nesting';

const many = (markup: string, n = MAX_HTML_DEPTH + 100) => markup.repeat(n);

describe('exceedsHtmlDepth: the stack htmlparser2 would build', () => {
  it('counts elements that really nest', () => {
    expect(exceedsHtmlDepth(many('<div>'))).toBe(true);
    expect(exceedsHtmlDepth(many('<blockquote><table><tr><td>', 200))).toBe(true);
    // Closed again, but deep at the peak: the parser held them all open.
    expect(exceedsHtmlDepth(many('<b>') + many('</b>'))).toBe(true);
    expect(exceedsHtmlDepth('<div>'.repeat(MAX_HTML_DEPTH))).toBe(false);
  });

  it('does not count sloppy but common markup that the parser closes for us', () => {
    expect(exceedsHtmlDepth(many('<p>text'))).toBe(false);
    expect(exceedsHtmlDepth(`<ul>${many('<li>item')}</ul>`)).toBe(false);
    expect(exceedsHtmlDepth(`<table>${many('<tr><td>a<td>b')}</table>`)).toBe(false);
    expect(exceedsHtmlDepth(many('<br><img src="x.png"><hr>'))).toBe(false);
    expect(exceedsHtmlDepth(many('<div>x</div>'))).toBe(false);
  });

  it('counts implied-end elements that still nest (<li> does not close a <p>)', () => {
    expect(exceedsHtmlDepth(many('<p><li>', 300))).toBe(true);
  });

  it('sees no tags in script, style and title text, nor in comments and quoted attributes', () => {
    expect(exceedsHtmlDepth(`<script>${many('<b>')}</script>`)).toBe(false);
    expect(exceedsHtmlDepth(`<STYLE>${many('<b>')}</Style><p>after</p>`)).toBe(false);
    expect(exceedsHtmlDepth(`<!--${many('<b>')}-->`)).toBe(false);
    expect(exceedsHtmlDepth(`<a title="${many('<b>')}">x</a>`)).toBe(false);
  });

  it('lets SVG and MathML close their own `<x/>` elements', () => {
    expect(exceedsHtmlDepth(`<svg>${many('<path d="M0 0"/>')}</svg>`)).toBe(false);
    expect(exceedsHtmlDepth(many('<span/>'))).toBe(true); // in HTML the slash means nothing
  });

  it('ignores end tags that match nothing, and stops at markup that never ends', () => {
    expect(exceedsHtmlDepth(many('</div>'))).toBe(false);
    expect(exceedsHtmlDepth(`<div title="never closed ${many('<b>')}`)).toBe(false);
    expect(exceedsHtmlDepth('a < b and c <= d')).toBe(false);
  });
});
