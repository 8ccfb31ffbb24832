import { describe, expect, it } from 'vitest';
import { buildEmailDocument, hasRemoteImages } from './email-html';

describe('email html', () => {
  it('detects remote images and backgrounds', () => {
    expect(hasRemoteImages('<img src="https://tracker.example/p.gif">')).toBe(true);
    expect(hasRemoteImages('<div style="background:url(\'//cdn.example/bg.png\')">')).toBe(true);
    expect(hasRemoteImages('<img src="cid:logo">')).toBe(false);
    expect(hasRemoteImages('<p>see https://example.com</p>')).toBe(false);
  });

  it('blocks remote images and scripts until allowed', () => {
    const blocked = buildEmailDocument('<p>hi</p>', false);
    expect(blocked).toContain("default-src 'none'; img-src data: cid:;");
    expect(blocked).not.toContain('script-src');
    expect(buildEmailDocument('<p>hi</p>', true)).toContain('img-src data: cid: https: http:');
  });
});
