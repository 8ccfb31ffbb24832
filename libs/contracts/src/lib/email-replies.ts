import { z } from 'zod';
import { isEmailAddress } from './email-address';
import { signatureTemplateSchema } from './email-signature';
import { cleanText } from './safe-text';

/** At most this many Cc and, apart, Bcc addresses on one reply; "Reply all" offers as many. */
export const MAX_EMAIL_COPIES = 20;

export interface EmailAddressDto {
  /** Lower case. */
  address: string;
  name: string | null;
}

/** Who else an email went to, kept on its message. */
export interface EmailRecipientsDto {
  /** A customer's mail: its To (our own address included). Replies have none: they go to the customer. */
  to?: EmailAddressDto[];
  cc: EmailAddressDto[];
  /** Replies only: blind copies. They travel in the SMTP envelope alone, never in the mail's headers. */
  bcc?: EmailAddressDto[];
}

const address = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .refine(isEmailAddress, 'must be an email address such as anna@example.com');

/** One Cc or Bcc: `"anna@example.com"` or `{ "address": "anna@example.com", "name": "Anna" }`. */
export const emailRecipientSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { address: value } : value),
  z.object({
    address,
    name: cleanText()
      .trim()
      .max(120)
      .nullish()
      .transform((name) => name || null),
  }),
);

/** The Cc or Bcc list of an email reply (POST /api/conversations/:id/messages). */
export const emailCopiesSchema = z
  .array(emailRecipientSchema)
  .max(MAX_EMAIL_COPIES, `At most ${MAX_EMAIL_COPIES} addresses`)
  .default([]);

/** GET /api/conversations/:id/email-reply: what the composer offers for an email reply. */
export interface EmailReplyContextDto {
  /** Where "Reply" goes: the conversation's customer (null when they have no address). */
  to: EmailAddressDto | null;
  /**
   * "Reply all": everyone else on the thread (each mail's From, To and Cc, and the Cc of our
   * replies), without this inbox's address and the customer, newest first.
   */
  replyAll: EmailAddressDto[];
  /** The signature this operator's reply will carry, placeholders filled; null: none. */
  signature: string | null;
}

/** GET/PUT /api/operators/me/signature: the operator's own email signature (placeholders kept). */
export interface OperatorSignatureDto {
  signature: string;
}

export const updateOperatorSignatureRequestSchema = z.object({
  signature: signatureTemplateSchema('operator'),
});
export type UpdateOperatorSignatureRequest = z.infer<typeof updateOperatorSignatureRequestSchema>;
