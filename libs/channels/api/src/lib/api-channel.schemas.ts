import { z } from 'zod';
import {
  cleanText,
  MAX_TEXT_LENGTH,
  preChatFieldListSchema,
  safeText,
} from '@switchboard/contracts';

export const apiChannelSettingsSchema = z.object({
  /** Where operator replies are POSTed; empty = replies are only available over the REST API. */
  outboundUrl: z.string().url().optional(),
  /** Asked on the customer portal's New request form when the portal files requests here. */
  preChatFields: preChatFieldListSchema.optional(),
});
export type ApiChannelSettings = z.infer<typeof apiChannelSettingsSchema>;

export const apiChannelSecretsSchema = z.object({
  /** Shared secret for HMAC-SHA256 signatures in both directions. */
  signingSecret: z.string().min(16, 'must be at least 16 characters'),
});
export type ApiChannelSecrets = z.infer<typeof apiChannelSecretsSchema>;

/** The JSON body a customer-facing system POSTs to /api/webhooks/:inboxId. */
export const apiInboundBodySchema = z.object({
  messages: z
    .array(
      z.object({
        id: safeText().min(1).max(255),
        from: z.object({
          id: safeText().min(1).max(255),
          /** A stray control character in a name is dropped, not worth losing the message over. */
          name: cleanText().max(255).optional(),
          email: z.string().email().max(254).optional(),
          phone: safeText().max(64).optional(),
        }),
        text: safeText()
          .max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`)
          .refine((t) => t.trim().length > 0, 'text must not be empty'),
        subject: cleanText().max(255).optional(),
        sentAt: z.iso.datetime({ offset: true }).optional(),
        /** Sent by a machine (an out-of-office, a notification): stored, never auto-answered. */
        automated: z.boolean().optional(),
      }),
    )
    .max(100)
    .default([]),
  // Each receipt is read on its own (apiStatusSchema): one this version does not understand is
  // skipped and named in the answer, the others still apply.
  statuses: z.array(z.unknown()).max(100).default([]),
});
export type ApiInboundBody = Omit<z.input<typeof apiInboundBodySchema>, 'statuses'> & {
  statuses?: Array<z.input<typeof apiStatusSchema>>;
};

/** One delivery receipt for a reply Switchboard sent (`messageId` is the id the receiver returned). */
export const apiStatusSchema = z.object({
  messageId: safeText().min(1).max(255),
  status: z.enum(['delivered', 'read', 'failed']),
  reason: cleanText().max(2000).optional(),
});
