import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '@switchboard/contracts';

export const apiChannelSettingsSchema = z.object({
  /** Where operator replies are POSTed; empty = replies are only available over the REST API. */
  outboundUrl: z.string().url().optional(),
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
        id: z.string().min(1).max(255),
        from: z.object({
          id: z.string().min(1).max(255),
          name: z.string().max(255).optional(),
          email: z.string().email().max(254).optional(),
          phone: z.string().max(64).optional(),
        }),
        text: z
          .string()
          .max(MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`)
          .refine((t) => t.trim().length > 0, 'text must not be empty'),
        subject: z.string().max(255).optional(),
        sentAt: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .max(100)
    .default([]),
  statuses: z
    .array(
      z.object({
        messageId: z.string().min(1).max(255),
        status: z.enum(['delivered', 'read', 'failed']),
        reason: z.string().max(2000).optional(),
      }),
    )
    .max(100)
    .default([]),
});
export type ApiInboundBody = z.input<typeof apiInboundBodySchema>;
