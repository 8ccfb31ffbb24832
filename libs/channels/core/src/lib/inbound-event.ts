import { cleanText } from '@switchboard/contracts';
import { z } from 'zod';

/**
 * What a channel adapter turns provider input into. Pure data: the core does storage, dedupe,
 * contact resolution and the live stream. Text fields drop control characters here (`cleanText`):
 * PostgreSQL refuses NUL, and a mailbox or a provider would redeliver a refused message forever.
 */
export const inboundAttachmentSchema = z.object({
  filename: cleanText().min(1).max(255),
  contentType: z.string().min(1).max(255),
  content: z.instanceof(Buffer),
  /** Content-ID for inline images in HTML email. */
  contentId: z.string().max(255).nullish(),
});
export type InboundAttachment = z.infer<typeof inboundAttachmentSchema>;

export const inboundSenderSchema = z.object({
  /** Stable id of the customer on this channel (email address, Telegram user id, phone number, visitor id). */
  externalId: cleanText().min(1).max(512),
  name: cleanText().max(255).nullish(),
  email: cleanText().max(254).nullish(),
  phone: cleanText().max(64).nullish(),
});
export type InboundSender = z.infer<typeof inboundSenderSchema>;

export const inboundMessageEventSchema = z.object({
  type: z.literal('message'),
  /** The channel's own id for this message: unique per inbox, the dedupe key. */
  externalId: cleanText().min(1).max(998),
  sender: inboundSenderSchema,
  text: cleanText().nullable(),
  /** Raw HTML as received; the core sanitizes it before storage. */
  html: cleanText().nullish(),
  subject: cleanText().max(998).nullish(),
  attachments: z.array(inboundAttachmentSchema).default([]),
  /** Hints that tie a message to an existing conversation (email In-Reply-To/References, a reply token). */
  thread: z
    .object({
      references: z.array(cleanText()).default([]),
      conversationToken: cleanText().nullish(),
      /**
       * When no hint matches: true continues the sender's latest conversation (chat channels);
       * false starts a new one (email, where a new subject is a new conversation).
       */
      continueLatest: z.boolean().default(true),
    })
    .optional(),
  sentAt: z.date(),
  /** Automatic mail (RFC 3834) and similar: stored, but never answered automatically. */
  automated: z.boolean().default(false),
});
export type InboundMessageEvent = z.input<typeof inboundMessageEventSchema>;

export const inboundStatusEventSchema = z.object({
  type: z.literal('status'),
  /** The channel's id of one of our outbound messages. */
  externalId: cleanText().min(1).max(998),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  reason: cleanText().max(2000).nullish(),
  at: z.date(),
});
export type InboundStatusEvent = z.input<typeof inboundStatusEventSchema>;

/**
 * A part of the provider's input the adapter understood well enough to know it cannot use (a
 * status this version does not know, an entry missing its id). The rest of the batch goes on; the
 * webhook answer names what was skipped and why, so the provider neither redelivers forever nor
 * loses its other events.
 */
export const inboundIgnoredEventSchema = z.object({
  type: z.literal('ignored'),
  /** The provider's id of the skipped entry, when it has one. */
  externalId: z.string().max(998).nullish(),
  reason: z.string().min(1).max(500),
});
export type InboundIgnoredEvent = z.input<typeof inboundIgnoredEventSchema>;

export const inboundEventSchema = z.discriminatedUnion('type', [
  inboundMessageEventSchema,
  inboundStatusEventSchema,
  inboundIgnoredEventSchema,
]);
export type InboundEvent = InboundMessageEvent | InboundStatusEvent | InboundIgnoredEvent;
export type ParsedInboundEvent = z.output<typeof inboundEventSchema>;
