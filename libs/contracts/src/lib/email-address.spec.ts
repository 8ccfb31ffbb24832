import { formatAddress, isEmailAddress, parseAddressList } from './email-address';
import { emailCopiesSchema } from './email-replies';

describe('email addresses', () => {
  it('accepts plain addresses and refuses what would break a header', () => {
    for (const ok of ['a@x.io', 'anna.b+tag@mail.example.co.uk', 'o_k@münchen.de'])
      expect([ok, isEmailAddress(ok)]).toEqual([ok, true]);
    for (const bad of [
      '',
      'plain',
      '@x.io',
      'a@',
      'a@x',
      'a@@x.io',
      'a b@x.io',
      'a@x..io',
      'a@-x.io',
      'a,b@x.io',
      'a@x.io\r\nBcc: evil@x.io',
      `${'l'.repeat(65)}@x.io`,
    ])
      expect([bad, isEmailAddress(bad)]).toEqual([bad, false]);
  });

  it('reads a typed list, keeping addresses once and naming what is not one', () => {
    expect(parseAddressList('A@x.io, "Bo B" <b@y.org>; nope\n a@x.io ,, c@z.net')).toEqual({
      recipients: [
        { address: 'a@x.io', name: null },
        { address: 'b@y.org', name: 'Bo B' },
        { address: 'c@z.net', name: null },
      ],
      invalid: ['nope'],
    });
    expect(formatAddress({ address: 'b@y.org', name: 'Bo B' })).toBe('Bo B <b@y.org>');
  });

  it('validates Cc/Bcc in requests: strings or objects, lower-cased, bounded', () => {
    expect(emailCopiesSchema.parse(['A@X.io', { address: 'b@y.org', name: ' Bo ' }])).toEqual([
      { address: 'a@x.io', name: null },
      { address: 'b@y.org', name: 'Bo' },
    ]);
    const bad = emailCopiesSchema.safeParse(['a@x.io', 'not an address']);
    expect(bad.error?.issues[0]).toMatchObject({
      path: [1, 'address'],
      message: 'must be an email address such as anna@example.com',
    });
    expect(
      emailCopiesSchema.safeParse(Array.from({ length: 21 }, (_, i) => `a${i}@x.io`)).success,
    ).toBe(false);
  });

  it('stays linear on a long hostile line', () => {
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    isEmailAddress('a'.repeat(100_000));
    parseAddressList(`${'<'.repeat(50_000)}${',a@'.repeat(50_000)}`);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });
});
