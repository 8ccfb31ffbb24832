import { describe, expect, it } from 'vitest';
import { buildEmailDocument, hasRemoteImages, revealRemoteImages } from './email-html';

describe('email html', () => {
  it('detects remote images and backgrounds', () => {
    expect(hasRemoteImages('<img src="https://tracker.example/p.gif">')).toBe(true);
    expect(hasRemoteImages('<div style="background:url(\'//cdn.example/bg.png\')">')).toBe(true);
    expect(hasRemoteImages('<img data-src="https://tracker.example/p.gif">')).toBe(true);
    expect(hasRemoteImages('<img src="cid:logo">')).toBe(false);
    expect(hasRemoteImages('<p>see https://example.com</p>')).toBe(false);
  });

  it('blocks remote images and scripts until allowed', () => {
    const blocked = buildEmailDocument('<p>hi</p>', false);
    expect(blocked).toContain("default-src 'none'; img-src data: cid:;");
    expect(blocked).not.toContain('script-src');
    expect(buildEmailDocument('<p>hi</p>', true)).toContain('img-src data: cid: https: http:');
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
