import { displayPhoneKey, phoneMatchKey } from './phone-match-key';

describe('phoneMatchKey', () => {
  it('gives every spelling of one international number the same key', () => {
    for (const spelling of [
      '+44 20 7946 0958',
      '0044 (20) 7946-0958',
      '442079460958',
      '+44 (0)20 7946 0958',
      '+442079460958',
    ])
      expect(phoneMatchKey(spelling)).toBe('442079460958');
  });

  it('keeps a national number apart: without a country code it matches only itself', () => {
    expect(phoneMatchKey('020 7946 0958')).toBe('02079460958');
    expect(phoneMatchKey('020-7946-0958')).toBe('02079460958');
  });

  it('refuses what is too short or not a number', () => {
    for (const junk of ['', '12345', 'call me', null, undefined])
      expect(phoneMatchKey(junk)).toBeNull();
  });

  it('shows an international key as E.164', () => {
    expect(displayPhoneKey('442079460958')).toBe('+442079460958');
    expect(displayPhoneKey('02079460958')).toBe('02079460958');
  });
});
