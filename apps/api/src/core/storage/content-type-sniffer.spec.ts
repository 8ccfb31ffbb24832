import { isActiveContent, verifiedContentType } from './content-type-sniffer';

describe('verifiedContentType', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

  it('trusts bytes over the declared type', () => {
    expect(verifiedContentType('application/octet-stream', png)).toBe('image/png');
    expect(verifiedContentType('image/png', Buffer.from('<script>alert(1)</script>'))).toBe(
      'application/octet-stream',
    );
  });

  it('keeps a plausible declared type for formats without magic bytes', () => {
    expect(verifiedContentType('text/plain; charset=utf-8', Buffer.from('hello'))).toBe(
      'text/plain',
    );
  });

  it('flags types a browser would execute', () => {
    expect(isActiveContent('text/html')).toBe(true);
    expect(isActiveContent('image/svg+xml')).toBe(true);
    expect(isActiveContent('image/png')).toBe(false);
  });
});
