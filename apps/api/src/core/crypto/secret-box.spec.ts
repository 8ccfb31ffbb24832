import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('s'.repeat(32));

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('imap-password-ü');
    expect(sealed).not.toContain('imap-password');
    expect(box.open(sealed)).toBe('imap-password-ü');
  });

  it('rejects tampering and a different key', () => {
    const sealed = box.seal('x');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('y').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow();
    expect(() => new SecretBox('t'.repeat(32)).open(sealed)).toThrow();
  });
});
