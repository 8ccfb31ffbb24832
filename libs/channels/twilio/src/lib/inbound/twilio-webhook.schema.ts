import { cleanText, MAX_TEXT_LENGTH, safeText } from '@switchboard/contracts';
import { z } from 'zod';

/**
 * The webhook parameters we read (https://www.twilio.com/docs/messaging/guides/webhook-request).
 * Loose: Twilio adds parameters, and an unknown one must never cost a message. Ids refuse bad
 * characters; names, labels and text drop control characters instead of losing the message.
 */
export const TWILIO_SID = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

const sid = safeText().regex(TWILIO_SID, 'must be a Twilio SID');
const address = safeText().min(1).max(128);
const label = cleanText().max(1024).optional();
const decimal = z
  .string()
  .regex(/^-?[0-9]{1,3}(?:\.[0-9]{1,20})?$/, 'must be a decimal number')
  .transform(Number);

export const twilioMessageParamsSchema = z.looseObject({
  MessageSid: sid,
  AccountSid: sid.optional(),
  From: address,
  To: address,
  Body: cleanText().max(MAX_TEXT_LENGTH).optional(),
  NumMedia: z
    .string()
    .regex(/^[0-9]{1,2}$/, 'must be a small whole number')
    .transform(Number)
    .optional(),
  ProfileName: cleanText().max(255).optional(),
  /** The customer's WhatsApp id: the digits of their number. */
  WaId: z
    .string()
    .regex(/^[0-9]{5,20}$/)
    .optional()
    .catch(undefined),
  Latitude: decimal.pipe(z.number().min(-90).max(90)).optional(),
  Longitude: decimal.pipe(z.number().min(-180).max(180)).optional(),
  Label: label,
  Address: label,
  ButtonText: cleanText().max(1024).optional(),
  ButtonPayload: cleanText().max(1024).optional(),
  OriginalRepliedMessageSid: sid.optional(),
  /** SMS opt-out keywords Twilio handled for us: STOP, START, HELP. */
  OptOutType: cleanText().max(32).optional(),
});
export type TwilioMessageParams = z.infer<typeof twilioMessageParamsSchema>;

export const twilioMediaParamsSchema = z.object({
  url: safeText().min(1).max(1024),
  contentType: safeText().max(255).optional(),
});

export const twilioStatusParamsSchema = z.looseObject({
  MessageSid: sid,
  MessageStatus: safeText().min(1).max(64),
  ErrorCode: z
    .string()
    .regex(/^[0-9]{1,9}$/)
    .transform(Number)
    .optional()
    // An empty or odd ErrorCode must not cost the receipt: it only loses its explanation.
    .catch(undefined),
  ErrorMessage: cleanText().max(1024).optional(),
});
export type TwilioStatusParams = z.infer<typeof twilioStatusParamsSchema>;
