import { clientNetwork } from './client-network';

describe('clientNetwork', () => {
  it('counts IPv4 callers by address, also when mapped into IPv6', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts IPv6 callers by their /64, however the address is written', () => {
    const net = '2001:db8:aa:bb::/64';
    expect(clientNetwork('2001:db8:aa:bb::1')).toBe(net);
    expect(clientNetwork('2001:0DB8:00aa:00bb:ffff:1:2:3')).toBe(net);
    expect(clientNetwork('2001:db8:aa:bb:1::%eth0')).toBe(net);
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps an unknown address distinct from every real one', () => {
    expect(clientNetwork(undefined)).toBe('unknown');
    expect(clientNetwork('not-an-ip')).toBe('not-an-ip');
  });
});
