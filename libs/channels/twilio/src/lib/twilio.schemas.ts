import { z } from 'zod';

/** Twilio account SIDs: "AC" and 32 lowercase hex digits. */
export const TWILIO_ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

/** Auth tokens are 32 lowercase hex digits. */
export const TWILIO_AUTH_TOKEN = /^[0-9a-f]{32}$/;

/** E.164: a plus, then up to 15 digits, the first not zero. */
export const E164_NUMBER = /^\+[1-9][0-9]{5,14}$/;

/** A Twilio sender address: a WhatsApp sender (`whatsapp:+14155238886`) or an SMS number (`+14155550100`). */
export const TWILIO_SENDER = /^(?:whatsapp:)?\+[1-9][0-9]{5,14}$/;

export const WHATSAPP_PREFIX = 'whatsapp:';

/** Public settings: the account and the number customers write to. */
export const twilioSettingsSchema = z.object({
  accountSid: z
    .string()
    .regex(TWILIO_ACCOUNT_SID, 'must be an Account SID like AC0123… (34 characters)'),
  sender: z
    .string()
    .regex(
      TWILIO_SENDER,
      'must be a WhatsApp sender like whatsapp:+14155238886 or an SMS number like +14155550100',
    ),
  /** The account's friendly name, filled in by `connect`. */
  accountName: z.string().min(1).max(255).optional(),
});
export type TwilioSettings = z.infer<typeof twilioSettingsSchema>;

export const twilioSecretsSchema = z.object({
  authToken: z
    .string()
    .regex(TWILIO_AUTH_TOKEN, 'must be the 32-character auth token of the account'),
});
export type TwilioSecrets = z.infer<typeof twilioSecretsSchema>;

/** WhatsApp and SMS share the adapter; the sender decides which one an inbox is. */
export function isWhatsAppSender(sender: string): boolean {
  return sender.startsWith(WHATSAPP_PREFIX);
}

/** The E.164 number of an address (`whatsapp:+4915…` → `+4915…`), or null when it is none. */
export function e164Of(address: string): string | null {
  const number = address.startsWith(WHATSAPP_PREFIX)
    ? address.slice(WHATSAPP_PREFIX.length)
    : address;
  return E164_NUMBER.test(number) ? number : null;
}
