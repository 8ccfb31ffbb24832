import { htmlToPlainText } from './html-to-plain-text';

describe('htmlToPlainText', () => {
  it('turns block ends and <br> into line breaks, at most one empty line in a row', () => {
    expect(
      htmlToPlainText('<p>One</p><p>Two<br>three</p><div></div><div></div><div>Four</div>'),
    ).toBe('One\nTwo\nthree\n\nFour');
    expect(htmlToPlainText('<h1>Title</h1><ul><li>a</li><li>b</li></ul>')).toBe('Title\na\nb');
  });

  it('keeps the alt text of images, decodes entities, drops trailing blanks', () => {
    expect(
      htmlToPlainText(
        '<img src="cid:1" alt="Logo"> <img src="x"> A&amp;B &lt;tag&gt; &#8364;&#x41;',
      ),
    ).toBe('[Logo]  A&B <tag> €A');
    expect(htmlToPlainText('line   \t<br>next')).toBe('line\nnext');
  });

  it('leaves out what a reader never sees in raw HTML: scripts, styles, head, comments', () => {
    expect(
      htmlToPlainText(
        '<html><head><title>T</title><style>p{}</style></head><body><script>if (a<b) x()</script><!-- c --><p>Text</p></body></html>',
      ),
    ).toBe('Text');
  });

  it('keeps a "<" that starts no tag, and a tag that never ends takes the rest', () => {
    expect(htmlToPlainText('a < b and c<3')).toBe('a < b and c<3');
    expect(htmlToPlainText('before <a href="x')).toBe('before');
  });
});
