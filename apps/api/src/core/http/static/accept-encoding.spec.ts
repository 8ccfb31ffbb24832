import { type ContentCoding, negotiateContentCoding } from './accept-encoding';

const ALL: ContentCoding[] = ['br', 'gzip', 'identity'];

describe('negotiateContentCoding', () => {
  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZip', 'gzip'],
    ['deflate', 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    // q-values decide before our preference does.
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=1.0, gzip;q=0.999', 'br'],
    ['br ; q=0.4 , gzip ; Q=0.4', 'br'],
    ['gzip;q=0.2, identity;q=0.5', 'identity'],
    // q=0 forbids.
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['br;q=0.000', 'identity'],
    // `*` covers codings the header does not name.
    ['*', 'br'],
    ['gzip, *;q=0', 'gzip'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['identity;q=0, gzip', 'gzip'],
    // A malformed weight is not consent.
    ['br;q=2, gzip', 'gzip'],
    ['br;q=abc', 'identity'],
    ['br;q=0.1234, gzip;q=0.1', 'gzip'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateContentCoding(header, ALL)).toBe(expected);
  });

  it('sends identity when the request has no Accept-Encoding', () => {
    expect(negotiateContentCoding(undefined, ALL)).toBe('identity');
  });

  it('never picks a coding the build did not write', () => {
    expect(negotiateContentCoding('br', ['gzip', 'identity'])).toBe('identity');
    expect(negotiateContentCoding('br, gzip', ['gzip', 'identity'])).toBe('gzip');
    expect(negotiateContentCoding('br;q=1, gzip;q=0.1', ['identity'])).toBe('identity');
  });

  it('reports nothing acceptable when identity is refused and nothing else is on offer', () => {
    expect(negotiateContentCoding('identity;q=0', ['identity'])).toBeNull();
    expect(negotiateContentCoding('*;q=0', ['gzip', 'identity'])).toBeNull();
    expect(negotiateContentCoding('br, identity;q=0', ['gzip', 'identity'])).toBeNull();
  });

  it('stays linear on a long hostile header', () => {
    const header = `${'br;q=0.5;'.repeat(20_000)}, ${'gzip;q=,'.repeat(20_000)}`;
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    expect(negotiateContentCoding(header, ALL)).toBe('br');
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(500);
  });
});
