import { callerNetwork, forwardedClientIp } from './caller-network';

const loopbackOnly = (addr: string) => addr === '127.0.0.1' || addr === '::1';

describe('caller network', () => {
  it('takes the first untrusted hop of X-Forwarded-For, like req.ip', () => {
    expect(forwardedClientIp('127.0.0.1', '203.0.113.9', loopbackOnly)).toBe('203.0.113.9');
    // A client cannot pose as someone else by prepending to the header: only trusted hops count.
    expect(forwardedClientIp('127.0.0.1', '198.51.100.1, 203.0.113.9', loopbackOnly)).toBe(
      '203.0.113.9',
    );
    expect(forwardedClientIp('198.51.100.7', '203.0.113.9', loopbackOnly)).toBe('198.51.100.7');
    expect(forwardedClientIp('::1', undefined, loopbackOnly)).toBe('::1');
  });

  it('counts IPv4 by address and IPv6 by /64', () => {
    expect(callerNetwork('203.0.113.9')).toBe('203.0.113.9');
    expect(callerNetwork('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(callerNetwork('2001:db8:1:2::1')).toBe(callerNetwork('2001:db8:1:2:ffff:0:0:9'));
    expect(callerNetwork('2001:db8:1:2::1')).not.toBe(callerNetwork('2001:db8:1:3::1'));
  });
});
