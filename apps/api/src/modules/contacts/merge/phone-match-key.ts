import { toE164 } from '../phone-number';

/** Fewer digits than this is no phone number worth matching on (an extension, a typo). */
const MIN_KEY_DIGITS = 7;

/**
 * The key two spellings of one number share, as the database computes it (`sb_phone_key` in the
 * contact merges migration): the digits, without a leading international "00". So
 * `+44 20 7946 0958`, `0044 (20) 7946-0958` and `442079460958` are all `442079460958`. A number
 * libphonenumber can read is first put in E.164 (which also drops a "(0)" trunk digit).
 * A national number ("020 7946 0958") has no country we could know (accounts have no default
 * region): its key keeps the leading 0 and so matches only the same national spelling.
 */
export function phoneMatchKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const e164 = toE164(raw);
  const key = digitsOf(e164 ?? raw);
  const international = key.startsWith('00') ? key.slice(2) : key;
  return international.length >= MIN_KEY_DIGITS && international.length <= 20
    ? international
    : null;
}

/** How the suggestion shows the number: E.164 when it had a country code, else its digits. */
export function displayPhoneKey(key: string): string {
  return key.startsWith('0') ? key : `+${key}`;
}

function digitsOf(text: string): string {
  let digits = '';
  for (const c of text.slice(0, 64)) if (c >= '0' && c <= '9') digits += c;
  return digits;
}
