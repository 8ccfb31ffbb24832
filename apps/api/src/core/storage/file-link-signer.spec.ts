import { FileLinkSigner } from './file-link-signer';

const FILE = '3f2b0c1e-8d7e-4a44-9d43-1d1bb1a0d002';
const SECRET = 'a-test-app-secret-that-is-long-enough-123';

describe('FileLinkSigner', () => {
  const signer = new FileLinkSigner(SECRET);
  const now = new Date('2030-01-01T12:00:00Z');
  const link = signer.sign(FILE, new Date(now.getTime() + 60_000));

  it('accepts its own link until it expires', () => {
    expect(signer.verify(FILE, link.expires, link.signature, now)).toBe('valid');
    expect(
      signer.verify(FILE, link.expires, link.signature, new Date(now.getTime() + 61_000)),
    ).toBe('expired');
  });

  it('refuses a link for another file, a moved expiry, another key or garbage', () => {
    const other = '3f2b0c1e-8d7e-4a44-9d43-1d1bb1a0d003';
    expect(signer.verify(other, link.expires, link.signature, now)).toBe('invalid');
    expect(signer.verify(FILE, String(Number(link.expires) + 3600), link.signature, now)).toBe(
      'invalid',
    );
    expect(new FileLinkSigner(`${SECRET}x`).verify(FILE, link.expires, link.signature, now)).toBe(
      'invalid',
    );
    expect(signer.verify(FILE, ['1', '2'], link.signature, now)).toBe('invalid');
    expect(signer.verify(FILE, link.expires, undefined, now)).toBe('invalid');
  });
});
