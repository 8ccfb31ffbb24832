import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Longest input we try to read as a phone number (libphonenumber refuses longer ones anyway). */
const MAX_PHONE_INPUT = 64;

/**
 * A phone number in E.164 ("+4915112345678") from any spelling: "+49 151 1234-5678",
 * "0049 151…", or a national "0151 12345678" when the region is known (the operator's locale,
 * "de-DE" → DE). Null when it is not a possible number. Every stored contact phone goes through
 * this, so equal numbers compare equal (merge suggestions, dedupe, the identity resolver).
 */
export function toE164(raw: string | null | undefined, region?: string | null): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!text || text.length > MAX_PHONE_INPUT) return null;
  const international = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const parsed = parsePhoneNumberFromString(international, asCountry(region));
  return parsed?.isPossible() ? parsed.number : null;
}

/** The ISO 3166 country of an E.164 number ("+4915…" → "DE"); null when unknown. */
export function phoneCountry(e164: string | null | undefined): string | null {
  if (!e164 || !e164.startsWith('+') || e164.length > MAX_PHONE_INPUT) return null;
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** The region of a locale tag ("de-DE" → "DE", "pt_BR" → "BR"); undefined without one. */
export function localeRegion(locale: string | null | undefined): string | undefined {
  const parts = (locale ?? '').split(/[-_]/);
  const region = parts.find((p, i) => i > 0 && p.length === 2 && /^[A-Za-z]{2}$/.test(p));
  return region?.toUpperCase();
}

function asCountry(region: string | null | undefined): CountryCode | undefined {
  return region && /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined;
}
