import { localeRegion, phoneCountry, toE164 } from './phone-number';

describe('toE164', () => {
  it('reads international spellings the same', () => {
    for (const spelling of [
      '+49 151 1234 5678',
      '+49-151-12345678',
      '0049 151 12345678',
      '+4915112345678',
    ])
      expect(toE164(spelling)).toBe('+4915112345678');
  });

  it('reads a national number with the region, and refuses it without one', () => {
    expect(toE164('0151 12345678', 'DE')).toBe('+4915112345678');
    expect(toE164('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(toE164('0151 12345678')).toBeNull();
  });

  it('refuses what is not a phone number, quickly', () => {
    for (const junk of ['', '   ', 'hello', '+1', '1'.repeat(65), '+'.repeat(10_000)])
      expect(toE164(junk, 'DE')).toBeNull();
    expect(toE164(null)).toBeNull();
  });

  it('names the country of a number and the region of a locale', () => {
    expect(phoneCountry('+4915112345678')).toBe('DE');
    expect(phoneCountry('+14155552671')).toBe('US');
    expect(phoneCountry('garbage')).toBeNull();
    expect(localeRegion('de-DE')).toBe('DE');
    expect(localeRegion('pt_br')).toBe('BR');
    expect(localeRegion('en')).toBeUndefined();
  });
});
