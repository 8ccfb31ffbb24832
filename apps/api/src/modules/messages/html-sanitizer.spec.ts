import { sanitizeEmailHtml } from './html-sanitizer';

describe('sanitizeEmailHtml', () => {
  it('removes scripts, handlers and javascript: URLs', () => {
    const out = sanitizeEmailHtml(
      '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">x</a><iframe src="//e"></iframe></p>',
    );
    expect(out).not.toMatch(/script|onclick|javascript:|iframe/i);
    expect(out).toContain('Hi');
  });

  it('defers remote images and keeps inline ones', () => {
    const out = sanitizeEmailHtml('<img src="https://tracker.example/p.gif"><img src="cid:logo">');
    expect(out).toContain('data-src="https://tracker.example/p.gif"');
    expect(out).not.toMatch(/ src="https:/);
    expect(out).toContain('src="cid:logo"');
  });

  it('drops styles that fetch URLs', () => {
    expect(sanitizeEmailHtml('<div style="background:url(https://x/y)">a</div>')).not.toContain(
      'url(',
    );
  });

  it('keeps only our own fold markers as classes', () => {
    const out = sanitizeEmailHtml(
      '<blockquote class="sb-quote evil">q</blockquote><div class="sb-signature x">s</div>',
    );
    expect(out).toContain('class="sb-quote"');
    expect(out).toContain('class="sb-signature"');
    expect(out).not.toContain('evil');
  });
});
