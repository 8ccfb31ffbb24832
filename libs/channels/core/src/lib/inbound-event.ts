import { z } from 'zod';

/**
 * What a channel adapter turns provider input into. Pure data: the core does storage, dedupe,
 * contact resolution and the live stream.
 */
export const inboundAttachmentSchema = z.object({
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  content: z.instanceof(Buffer),
  /** Content-ID for inline images in HTML email. */
  contentId: z.string().max(255).nullish(),
});
export type InboundAttachment = z.infer<typeof inboundAttachmentSchema>;

export const inboundSenderSchema = z.object({
  /** Stable id of the customer on this channel (email address, Telegram user id, phone number, visitor id). */
  externalId: z.string().min(1).max(512),
  name: z.string().max(255).nullish(),
  email: z.string().max(254).nullish(),
  phone: z.string().max(64).nullish(),
});
export type InboundSender = z.infer<typeof inboundSenderSchema>;

export const inboundMessageEventSchema = z.object({
  type: z.literal('message'),
  /** The channel's own id for this message: unique per inbox, the dedupe key. */
  externalId: z.string().min(1).max(998),
  sender: inboundSenderSchema,
  text: z.string().nullable(),
  /** Raw HTML as received; the core sanitizes it before storage. */
  html: z.string().nullish(),
  subject: z.string().max(998).nullish(),
  attachments: z.array(inboundAttachmentSchema).default([]),
  /** Hints that tie a message to an existing conversation (email In-Reply-To/References, a reply token). */
  thread: z
    .object({
      references: z.array(z.string()).default([]),
      conversationToken: z.string().nullish(),
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
  externalId: z.string().min(1).max(998),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  reason: z.string().max(2000).nullish(),
  at: z.date(),
});
export type InboundStatusEvent = z.input<typeof inboundStatusEventSchema>;

export const inboundEventSchema = z.discriminatedUnion('type', [
  inboundMessageEventSchema,
  inboundStatusEventSchema,
]);
export type InboundEvent = InboundMessageEvent | InboundStatusEvent;
export type ParsedInboundEvent = z.output<typeof inboundEventSchema>;
