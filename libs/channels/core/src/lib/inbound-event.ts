import { cleanText } from '@switchboard/contracts';
import { z } from 'zod';

/**
 * What a channel adapter turns provider input into. Pure data: the core does storage, dedupe,
 * contact resolution and the live stream. Text fields drop control characters here (`cleanText`):
 * PostgreSQL refuses NUL, and a mailbox or a provider would redeliver a refused message forever.
 */
export const inboundFileSchema = z.object({
  filename: cleanText().min(1).max(255),
  contentType: z.string().min(1).max(255),
  content: z.instanceof(Buffer),
  /** Content-ID for inline images in HTML email. */
  contentId: z.string().max(255).nullish(),
});

/**
 * A file the provider keeps and we fetch after the message is stored (Telegram's `getFile`): the
 * webhook is answered at once, and the core calls the adapter's `fetchAttachment(ref)` in the
 * background, keeping the bytes in our storage so they outlive the provider's links.
 */
export const inboundRemoteFileSchema = z.object({
  filename: cleanText().min(1).max(255),
  contentType: z.string().min(1).max(255),
  remote: z.object({
    /** Whatever the adapter needs to fetch it later (a Telegram file_id). Never shown to clients. */
    ref: z.string().min(1).max(1024),
    /** A stable id of the file's bytes (Telegram's file_unique_id): the same file is kept once per message. */
    uniqueId: z.string().min(1).max(255),
    /** Size the provider announced, when it did. */
    size: z.number().int().nonnegative().nullish(),
  }),
});

export const inboundAttachmentSchema = z.union([inboundFileSchema, inboundRemoteFileSchema]);
export type InboundAttachment = z.infer<typeof inboundAttachmentSchema>;
export type InboundFile = z.infer<typeof inboundFileSchema>;
export type InboundRemoteFile = z.infer<typeof inboundRemoteFileSchema>;

export function isRemoteAttachment(a: InboundAttachment): a is InboundRemoteFile {
  return 'remote' in a;
}

export const inboundSenderSchema = z.object({
  /** Stable id of the customer on this channel (email address, Telegram user id, phone number, visitor id). */
  externalId: cleanText().min(1).max(512),
  name: cleanText().max(255).nullish(),
  email: cleanText().max(254).nullish(),
  phone: cleanText().max(64).nullish(),
  /** The customer's public handle on the channel (a Telegram @username, without the @). */
  username: cleanText().max(64).nullish(),
  /** The language their app runs in (IETF tag, as the provider reports it). */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$/)
    .nullish(),
});
export type InboundSender = z.infer<typeof inboundSenderSchema>;

/** One address of an email's To or Cc. */
export const inboundAddressSchema = z.object({
  address: cleanText().min(1).max(254),
  name: cleanText().max(255).nullable(),
});

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
  /**
   * The chat the message was written in, when it is not the sender's own (a Telegram group). The
   * conversation belongs to the chat; every member who writes is a contact of their own, and
   * replies go to the chat.
   */
  chat: z
    .object({
      externalId: cleanText().min(1).max(512),
      title: cleanText().max(255).nullish(),
    })
    .nullish(),
  /**
   * Several provider messages shown as one (a Telegram album: one `media_group_id`). The first part
   * stored becomes the message; later parts add their files (and a caption, if it had none).
   */
  album: z.object({ key: cleanText().min(1).max(998) }).nullish(),
  /** When the customer has edited the message since (an edit that reached us before the original). */
  editedAt: z.date().nullish(),
  /**
   * The channel id of the message the customer answered (WhatsApp's OriginalRepliedMessageSid,
   * a Telegram reply): shown as a quote when that message is stored.
   */
  replyToExternalId: cleanText().min(1).max(998).nullish(),
  /** Email: the mail's To and Cc (the inbox's own address included), kept on the message. */
  recipients: z
    .object({
      to: z.array(inboundAddressSchema).max(100),
      cc: z.array(inboundAddressSchema).max(100),
    })
    .nullish(),
  /** Web chat: the page the visitor wrote from and its referrer (http(s) only), shown to operators. */
  sourcePage: z
    .object({
      url: cleanText().url().max(2048),
      referrer: cleanText().url().max(2048).nullable(),
    })
    .nullish(),
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

/**
 * The customer changed a message they sent. Carries the whole message as it now reads, so an edit
 * that arrives before the original (providers reorder) stores it once, already edited, and the
 * original arriving later is a duplicate. An older edit never overwrites a newer one.
 */
export const inboundEditEventSchema = z.object({
  type: z.literal('edit'),
  /** The provider id of the edited message (for an album part, that part's id). */
  externalId: cleanText().min(1).max(998),
  editedAt: z.date(),
  message: inboundMessageEventSchema,
});
export type InboundEditEvent = z.input<typeof inboundEditEventSchema>;

/**
 * The customer can no longer (or again) be reached on this channel: a Telegram user blocked the
 * bot, or the bot was removed from a group. Shown on the conversation; sends fail with the reason.
 */
export const inboundReachabilityEventSchema = z.object({
  type: z.literal('reachability'),
  /** The identity (chat) it concerns: the sender's externalId, or a group chat's. */
  externalId: cleanText().min(1).max(512),
  reachable: z.boolean(),
  reason: cleanText().min(1).max(500),
  at: z.date(),
});
export type InboundReachabilityEvent = z.input<typeof inboundReachabilityEventSchema>;

/**
 * The customer pressed a button we sent with a message (a Telegram inline keyboard's
 * callback_query). `data` is the button's own value; the press is answered with `answerButtonPress`.
 */
export const inboundButtonPressEventSchema = z.object({
  type: z.literal('button_press'),
  /** The channel's id of the press (Telegram's callback query id), to answer it. */
  externalId: cleanText().min(1).max(512),
  /** Who pressed: the identity's externalId (a Telegram user id). */
  senderExternalId: cleanText().min(1).max(512),
  /** The button's value as we sent it (Telegram: callback_data, at most 64 bytes). */
  data: z.string().min(1).max(64),
  at: z.date(),
});
export type InboundButtonPressEvent = z.input<typeof inboundButtonPressEventSchema>;

export const inboundEventSchema = z.discriminatedUnion('type', [
  inboundMessageEventSchema,
  inboundStatusEventSchema,
  inboundIgnoredEventSchema,
  inboundEditEventSchema,
  inboundReachabilityEventSchema,
  inboundButtonPressEventSchema,
]);
export type InboundEvent =
  | InboundMessageEvent
  | InboundStatusEvent
  | InboundIgnoredEvent
  | InboundEditEvent
  | InboundReachabilityEvent
  | InboundButtonPressEvent;
export type ParsedInboundEvent = z.output<typeof inboundEventSchema>;
