import { describe, expect, it } from 'vitest';
import {
  buildEmailDocument,
  hasFoldedParts,
  hasRemoteImages,
  revealRemoteImages,
} from './email-html';

describe('email html', () => {
  it('detects remote images and backgrounds', () => {
    expect(hasRemoteImages('<img src="https://tracker.example/p.gif">')).toBe(true);
    expect(hasRemoteImages('<div style="background:url(\'//cdn.example/bg.png\')">')).toBe(true);
    expect(hasRemoteImages('<img data-src="https://tracker.example/p.gif">')).toBe(true);
    expect(hasRemoteImages('<img src="cid:logo">')).toBe(false);
    expect(hasRemoteImages('<p>see https://example.com</p>')).toBe(false);
  });

  const opts = {
    allowRemoteImages: false,
    showQuoted: false,
    filesBase: 'https://sb.test/api/files/',
  };

  it("blocks remote images and scripts until allowed; the message's own files always load", () => {
    const blocked = buildEmailDocument('<p>hi</p>', opts);
    expect(blocked).toContain("default-src 'none'; img-src data: https://sb.test/api/files/;");
    expect(blocked).not.toContain('script-src');
    expect(buildEmailDocument('<p>hi</p>', { ...opts, allowRemoteImages: true })).toContain(
      'img-src data: https://sb.test/api/files/ https: http:',
    );
  });

  it('folds quoted history and signatures until asked', () => {
    const html = '<p>new</p><blockquote class="sb-quote">old</blockquote>';
    expect(hasFoldedParts(html)).toBe(true);
    expect(hasFoldedParts('<p>new</p>')).toBe(false);
    expect(buildEmailDocument(html, opts)).toContain('.sb-quote,.sb-signature{display:none}');
    expect(buildEmailDocument(html, { ...opts, showQuoted: true })).not.toContain('display:none');
  });

  it('reveals parked remote images, and only http(s) ones', () => {
    const doc = new DOMParser().parseFromString(
      '<img data-src="https://cdn.example/a.png"><img data-src="javascript:alert(1)"><img src="cid:x">',
      'text/html',
    );
    expect(revealRemoteImages(doc)).toBe(1);
    const [a, b] = Array.from(doc.querySelectorAll('img'));
    expect(a?.getAttribute('src')).toBe('https://cdn.example/a.png');
    expect(b?.hasAttribute('src')).toBe(false);
  });
});
