import { emailFingerprint, variantMessageId } from './email-fingerprint';

const mail = (headers: string[], body: string, eol = '\r\n') =>
  Buffer.from([...headers, '', body].join(eol));

describe('email fingerprint', () => {
  const headers = ['From: a@x.example', 'Message-ID: <m@x.example>', 'Subject: Hi'];

  it('is the same for two deliveries of one mail, whatever the transport headers', () => {
    const once = emailFingerprint(mail(headers, 'Body\r\nline 2'), 'a@x.example');
    const relayed = emailFingerprint(
      mail(
        ['Received: from relay by mx', 'Delivered-To: b@y.example', ...headers],
        'Body\r\nline 2',
      ),
      'A@X.example',
    );
    expect(relayed).toBe(once);
  });

  it('differs for another body or another sender under the same Message-ID', () => {
    const base = emailFingerprint(mail(headers, 'Order 1'), 'a@x.example');
    expect(emailFingerprint(mail(headers, 'Order 2'), 'a@x.example')).not.toBe(base);
    expect(emailFingerprint(mail(headers, 'Order 1'), 'c@x.example')).not.toBe(base);
  });

  it('finds the body after bare LF headers, and takes a mail with no body as empty', () => {
    const lf = emailFingerprint(mail(headers, 'Body', '\n'), 'a@x.example');
    expect(lf).toBe(emailFingerprint(mail(['X: 1'], 'Body', '\n'), 'a@x.example'));
    const headerOnly = Buffer.from(headers.join('\r\n'));
    expect(emailFingerprint(headerOnly, 'a@x.example')).toBe(
      emailFingerprint(Buffer.from('Subject: other'), 'a@x.example'),
    );
  });

  it('keeps the Message-ID first in a variant id, so references still find it', () => {
    expect(variantMessageId('<m@x.example>', 'abcdef0123456789ffff')).toBe(
      '<m@x.example>#abcdef0123456789',
    );
  });
});
