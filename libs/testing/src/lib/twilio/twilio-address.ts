/** A sender or recipient as Twilio writes it: `whatsapp:+14155238886` or `+14155550100`. */
export interface TwilioAddress {
  channel: 'whatsapp' | 'sms';
  /** The E.164 number, `+` and digits. */
  e164: string;
  /** The address exactly as given. */
  raw: string;
}

const WHATSAPP_PREFIX = 'whatsapp:';

/** Parses an address; null when it is not `[whatsapp:]+<7 to 15 digits>` (E.164). */
export function parseTwilioAddress(raw: string): TwilioAddress | null {
  const whatsapp = raw.startsWith(WHATSAPP_PREFIX);
  const e164 = whatsapp ? raw.slice(WHATSAPP_PREFIX.length) : raw;
  if (!isE164(e164)) return null;
  return { channel: whatsapp ? 'whatsapp' : 'sms', e164, raw };
}

/** `+` then 7 to 15 digits, the first not 0. */
export function isE164(value: string): boolean {
  if (value.length < 8 || value.length > 16 || value[0] !== '+') return false;
  if (value[1] === '0') return false;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The WhatsApp id Twilio sends as `WaId`: the number's digits without `+`. */
export function whatsappId(address: TwilioAddress): string {
  return address.e164.slice(1);
}

/** `whatsapp:+…` for a customer given with or without the prefix. */
export function asWhatsappAddress(customer: string): string {
  return customer.startsWith(WHATSAPP_PREFIX) ? customer : WHATSAPP_PREFIX + customer;
}
